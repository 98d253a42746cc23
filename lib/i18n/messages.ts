import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import compile from "icu-minify/compile";
import type { Locale } from "@/lib/permissions";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();
const compiledCache = new Map<Locale, Messages>();

/** Each file messages/<locale>/<namespace>.json becomes the namespace of that name. */
export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit && process.env.NODE_ENV === "production") return hit;
  const dir = path.join(process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    messages[file.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}

function compileAll(node: unknown): unknown {
  // Through JSON: icu-minify builds null-prototype objects, which React cannot pass to client components.
  if (typeof node === "string") return JSON.parse(JSON.stringify(compile(node))) as unknown;
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, compileAll(v)]));
  }
  return node;
}

/**
 * The catalogue with every message precompiled by icu-minify, the form next-intl's format-only formatter reads.
 * next.config.js (and vitest.config.ts) alias `use-intl/format-message` to that formatter, so intl-messageformat
 * (~12 kB gzipped) ships to no browser; every translator (request config, CSV export) must be given these.
 */
export function loadCompiledMessages(locale: Locale): Messages {
  const hit = compiledCache.get(locale);
  if (hit && process.env.NODE_ENV === "production") return hit;
  const compiled = compileAll(loadMessages(locale)) as Messages;
  compiledCache.set(locale, compiled);
  return compiled;
}
