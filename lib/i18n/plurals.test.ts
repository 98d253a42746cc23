import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/permissions";
import { loadCompiledMessages, loadMessages } from "./messages";

// Counts shown to users go through ICU plurals: "1 actif", never "1 actifs".
const t = (locale: Locale) =>
  createTranslator({ locale, messages: loadCompiledMessages(locale) }) as unknown as (
    key: string,
    values: Record<string, number>,
  ) => string;

describe("plurals in the catalogues", () => {
  it.each([
    ["fr", "admin.overview.active", { count: 1 }, "1 actif"],
    ["fr", "admin.overview.active", { count: 0 }, "0 actif"],
    ["fr", "admin.overview.active", { count: 2 }, "2 actifs"],
    ["fr", "admin.overview.disabled", { count: 1 }, "1 désactivé"],
    ["fr", "admin.overview.disabled", { count: 3 }, "3 désactivés"],
    ["en", "admin.overview.active", { count: 1 }, "1 active"],
    ["fr", "admin.users.caption", { count: 1 }, "1 compte au total"],
    ["fr", "admin.users.caption", { count: 12 }, "Comptes, 12 au total"],
    ["en", "admin.users.caption", { count: 1 }, "1 account in all"],
    ["en", "admin.audit.caption", { count: 2 }, "Audit events, 2 in all"],
    ["fr", "admin.audit.breakGlassTab.caption", { count: 1 }, "1 accès d’urgence au total"],
    ["fr", "doctor.queue.age", { age: 1 }, "1 an"],
    ["fr", "doctor.case.age", { age: 47 }, "47 ans"],
    ["en", "doctor.case.age", { age: 1 }, "1 year"],
    ["fr", "plan.injection.sum", { sum: 1, total: 100 }, "Muscles : 1 unité sur 100"],
    ["fr", "plan.injection.sum", { sum: 90, total: 100 }, "Muscles : 90 unités sur 100"],
    ["en", "plan.injection.sum", { sum: 90, total: 1 }, "Muscles: 90 of 1 unit"],
    ["fr", "account.password.signedOutElsewhere", { count: 0 }, "Aucune autre session n’était ouverte."],
    ["fr", "account.password.signedOutElsewhere", { count: 1 }, "1 autre session a été déconnectée."],
    ["en", "account.password.signedOutElsewhere", { count: 2 }, "2 other sessions were signed out."],
  ] as const)("%s %s %j → %s", (locale, key, values, expected) => {
    expect(t(locale)(key, values)).toBe(expected);
  });

  it("no message shows a {count} without a plural", () => {
    for (const locale of ["fr", "en"] as const) {
      const bare: string[] = [];
      const walk = (node: unknown, path: string) => {
        if (typeof node === "string") {
          if (/\{count\}/.test(node)) bare.push(path);
        } else if (node && typeof node === "object") {
          for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
        }
      };
      walk(loadMessages(locale), "");
      // "{count} / {max} characters" counts against a maximum; "History ({count})" is a bare number.
      expect(bare.sort()).toEqual(["causes.history", "report.form.notesCount"].sort());
    }
  });
});
