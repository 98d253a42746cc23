// Which message namespaces the client components under each part of the app use, read from the source: the files
// reachable by imports from the part's entry files, of which those with "use client" and everything they import
// run in the browser. A namespace counts when a client file calls useTranslations / useErrorText / useCodeMessage
// with a literal starting with it, or calls a root translator `t("ns.key")`. Used by lib/i18n/client-scopes.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const EXT = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const e of EXT) if (existsSync(base + e)) return base + e;
  return null;
}

const sources = new Map<string, string>();
const read = (f: string) => {
  let s = sources.get(f);
  if (s === undefined) sources.set(f, (s = readFileSync(f, "utf8")));
  return s;
};
const imports = (f: string) =>
  [...read(f).matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)]
    .map((m) => resolveImport(f, m[1] ?? m[2]))
    .filter((x): x is string => x !== null);
const isClient = (f: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(read(f));
const isServerAction = (f: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(read(f));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? files(path.join(dir, d.name))
      : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)
        ? [path.join(dir, d.name)]
        : [],
  );
}

/** Namespaces used by the client code reachable from `entries` (repo-relative paths of files or directories). */
export function clientNamespaces(entries: string[]): { namespaces: Set<string>; clientFiles: string[] } {
  const start = entries.flatMap((e) => {
    const p = path.join(root, e);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
  const seen = new Set<string>();
  const client = new Set<string>();
  const walk = (f: string, inClient: boolean) => {
    // Server actions imported by client code run on the server.
    const c = (inClient || isClient(f)) && !isServerAction(f);
    const key = `${f}|${c}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (c) client.add(f);
    for (const i of imports(f)) walk(i, c);
  };
  for (const f of start) walk(f, false);
  const namespaces = new Set<string>();
  for (const f of client) {
    const s = read(f);
    for (const m of s.matchAll(/use(?:Translations|ErrorText|CodeMessage)\(\s*["'`]([A-Za-z]+)/g))
      namespaces.add(m[1]);
    if (/useTranslations\(\s*\)/.test(s))
      for (const m of s.matchAll(/\bt\(\s*["'`]([A-Za-z]+)\./g)) namespaces.add(m[1]);
  }
  return { namespaces, clientFiles: [...client].map((f) => path.relative(root, f)).sort() };
}
