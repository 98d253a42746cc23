import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogs", () => {
  it("French and English have the same namespaces and keys", () => {
    const dir = path.join(process.cwd(), "messages");
    expect(readdirSync(path.join(dir, "fr")).sort()).toEqual(readdirSync(path.join(dir, "en")).sort());
    const fr = keys(loadMessages("fr")).sort();
    const en = keys(loadMessages("en")).sort();
    expect(fr.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !fr.includes(k))).toEqual([]);
  });

  it("has no empty message", () => {
    for (const locale of ["fr", "en"] as const) {
      const messages = loadMessages(locale);
      const empty = keys(messages).filter((k) => {
        const value = k
          .split(".")
          .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], messages);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });
});
