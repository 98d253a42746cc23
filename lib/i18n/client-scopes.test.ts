import { describe, expect, it } from "vitest";
import { clientNamespaces } from "@/test/client-namespaces";
import { loadMessages } from "./messages";
import { CLIENT_SCOPES, type ClientScope, pickNamespaces, SCOPE_ENTRIES } from "./client-scopes";

describe("client message scopes (issue 8: the browser gets only the namespaces its part of the app uses)", () => {
  for (const scope of Object.keys(CLIENT_SCOPES) as ClientScope[]) {
    it(`${scope}: every namespace a client component under ${SCOPE_ENTRIES[scope].join(", ")} uses is sent`, () => {
      const { namespaces, clientFiles } = clientNamespaces(SCOPE_ENTRIES[scope]);
      expect(clientFiles.length).toBeGreaterThan(0);
      const sent = new Set<string>(CLIENT_SCOPES[scope]);
      expect([...namespaces].filter((n) => !sent.has(n)).sort()).toEqual([]);
      // And none is sent that nothing there uses (a list that only grows would defeat the point).
      expect([...sent].filter((n) => !namespaces.has(n)).sort()).toEqual([]);
    });
  }

  it("every listed namespace exists in both catalogues", () => {
    for (const locale of ["en", "fr"] as const) {
      const all = loadMessages(locale);
      for (const scope of Object.keys(CLIENT_SCOPES) as ClientScope[])
        expect(Object.keys(pickNamespaces(all, scope)).sort()).toEqual([...CLIENT_SCOPES[scope]].sort());
    }
  });

  it("the scanner sees a namespace used through a root translator and through the error helpers", () => {
    const shell = clientNamespaces(["components/app-shell/user-menu.tsx"]);
    expect([...shell.namespaces]).toEqual(expect.arrayContaining(["nav", "account", "common", "security"]));
    const causes = clientNamespaces(["components/causes/cause-decision-form.tsx"]);
    expect([...causes.namespaces]).toContain("causes");
  });
});
