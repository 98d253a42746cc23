import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { outage } from "./outage";

const page = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { accept: "text/html", ...headers } });

afterEach(() => {
  outage.since = null;
});

describe("proxy while the database is down (issue 9: fail fast and clearly)", () => {
  it("answers a page load 503 at once, in the user's language, with the emergency numbers", async () => {
    outage.since = Date.now();
    const fr = proxy(page("/patient/reports/new", { cookie: "authjs.session-token=x" }));
    expect(fr.status).toBe(503);
    expect(fr.headers.get("retry-after")).toBe("5");
    const html = await fr.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain("Rien n’a été modifié");
    expect(html).toContain('href="tel:15"');
    const en = proxy(page("/login", { "accept-language": "en-GB,en;q=0.9" }));
    expect(en.status).toBe(503);
    expect(await en.text()).toContain("Nothing was changed");
    const cookie = proxy(page("/login", { "accept-language": "en", cookie: "NEXT_LOCALE=fr" }));
    expect(await cookie.text()).toContain('lang="fr"');
  });

  it("lets health checks, RSC fetches and server actions through (they answer for themselves)", () => {
    outage.since = Date.now();
    expect(proxy(page("/api/ready")).status).not.toBe(503);
    expect(proxy(page("/patient", { rsc: "1", cookie: "authjs.session-token=x" })).status).not.toBe(503);
    const post = new NextRequest("http://127.0.0.1:3000/patient/reports/new", {
      method: "POST",
      headers: { accept: "text/x-component", cookie: "authjs.session-token=x" },
    });
    expect(proxy(post).status).not.toBe(503);
  });

  it("serves pages normally when the database is up", () => {
    expect(proxy(page("/login")).status).toBe(200);
  });
});
