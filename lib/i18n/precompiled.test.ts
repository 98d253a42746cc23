import compile from "icu-minify/compile";
import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/permissions";
import { loadCompiledMessages, loadMessages } from "./messages";

// The app formats precompiled messages with next-intl's format-only formatter (next.config.js aliases
// use-intl/format-message to it). Every message of both catalogues must read exactly as intl-messageformat, the
// reference ICU implementation, formats its source, for every branch of its plurals and selects.

type Ast = { type: number; value: string; options?: Record<string, { value: Ast[] }>; children?: Ast[] };
// @formatjs/icu-messageformat-parser TYPE: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag
type Arg = { kind: "text" | "number" | "date" | "select" | "tag"; options: string[] };

function argsOf(ast: Ast[], out = new Map<string, Arg>()): Map<string, Arg> {
  for (const node of ast) {
    if (node.type === 1) out.set(node.value, out.get(node.value) ?? { kind: "text", options: [] });
    if (node.type === 2 || node.type === 6) out.set(node.value, { kind: "number", options: [] });
    if (node.type === 3 || node.type === 4) out.set(node.value, { kind: "date", options: [] });
    if (node.type === 5) out.set(node.value, { kind: "select", options: Object.keys(node.options ?? {}) });
    if (node.type === 8) {
      out.set(node.value, { kind: "tag", options: [] });
      argsOf(node.children ?? [], out);
    }
    for (const option of Object.values(node.options ?? {})) argsOf(option.value, out);
  }
  return out;
}

/** Value sets covering every branch: each select option, and counts 0, 1, 2, 5 and 21. */
function valueSets(args: Map<string, Arg>): Record<string, unknown>[] {
  const counts = [0, 1, 2, 5, 21];
  const selects = [...args.entries()].filter(([, a]) => a.kind === "select");
  const rounds = Math.max(counts.length, ...selects.map(([, a]) => a.options.length));
  return Array.from({ length: rounds }, (_, i) => {
    const values: Record<string, unknown> = {};
    for (const [name, a] of args) {
      if (a.kind === "text") values[name] = `«${name}»`;
      if (a.kind === "number") values[name] = counts[i % counts.length];
      if (a.kind === "date") values[name] = new Date(Date.UTC(2026, 0, 15, 9, 30));
      if (a.kind === "select") values[name] = a.options[i % a.options.length];
      if (a.kind === "tag") values[name] = (chunks: unknown[]) => `<${name}>${chunks.join("")}</${name}>`;
    }
    return values;
  });
}

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

const flat = (out: unknown) => (Array.isArray(out) ? out.join("") : String(out));

describe("precompiled messages", () => {
  it.each(["fr", "en"] as const)(
    "%s: every message formats as intl-messageformat formats its source",
    (locale) => {
      const t = createTranslator({
        locale: locale as Locale,
        messages: loadCompiledMessages(locale),
        timeZone: "Europe/Paris",
      }) as unknown as { rich: (key: string, values: Record<string, unknown>) => unknown };
      let checked = 0;
      const mismatches: string[] = [];
      for (const [key, source] of leaves(loadMessages(locale))) {
        const reference = new IntlMessageFormat(source, locale, undefined, {
          formatters: undefined,
        } as never);
        for (const values of valueSets(argsOf(reference.getAst() as unknown as Ast[]))) {
          const expected = flat(reference.format(values as never));
          const actual = flat(t.rich(key, values));
          checked += 1;
          if (actual !== expected)
            mismatches.push(`${key} ${JSON.stringify(values)}: ${actual} ≠ ${expected}`);
        }
      }
      expect(mismatches).toEqual([]);
      // React passes only plain objects to client components (NextIntlClientProvider's messages).
      const plain = (n: unknown): boolean =>
        n === null ||
        typeof n !== "object" ||
        ((Array.isArray(n) || Object.getPrototypeOf(n) === Object.prototype) &&
          Object.values(n).every(plain));
      expect(plain(loadCompiledMessages(locale))).toBe(true);
      expect(checked).toBeGreaterThan(500);
    },
  );

  it("the translator really reads compiled messages (a source string is not formatted)", () => {
    const t = createTranslator({
      locale: "en",
      messages: { m: "{count, plural, one {# item} other {# items}}" },
    });
    // format-only returns a string message as it is: proof that the alias is in force, as in the app's build.
    expect(t("m", { count: 2 })).toBe("{count, plural, one {# item} other {# items}}");
    const compiled = createTranslator({
      locale: "en",
      messages: { m: compile("{count, plural, one {# item} other {# items}}") },
    });
    expect(compiled("m", { count: 2 })).toBe("2 items");
  });
});
