// Every public endpoint in the source tree: each export of a "use server" module under app/ and lib/, each HTTP
// method a route.ts under app/ exports. The authorization matrix compares this list with its rows, so an endpoint
// added without a row fails the suite. Plain Node (no Next, no database): the e2e matrix uses it too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type Endpoint = { kind: "action" | "route"; file: string; name: string; key: string };

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(name) && !/\.(test|spec)\.[a-z]+$/.test(name)) out.push(full);
  }
  return out;
}

/** Names a module exports: `export async function x`, `export const x`, `export { a, b as c }`, `export const { A, B } =`. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(
    /^export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/gm,
  ))
    names.add(m[1]);
  for (const m of source.matchAll(/^export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/gm))
    for (const part of m[1].split(",")) {
      const name = part.split(":").pop()?.trim();
      if (name) names.add(name);
    }
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm))
    for (const part of m[1].split(",")) {
      const name = part
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  return [...names];
}

/** A module-level "use server" directive (first statement, comments allowed before it). */
function isServerModule(source: string): boolean {
  const body = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*/, "").trimStart();
  return /^["']use server["']/.test(body);
}

export function enumerateEndpoints(root = process.cwd()): { endpoints: Endpoint[]; inline: string[] } {
  const endpoints: Endpoint[] = [];
  const inline: string[] = [];
  for (const dir of ["app", "lib"]) {
    for (const full of walk(path.join(root, dir))) {
      const file = path.relative(root, full).split(path.sep).join("/");
      const source = readFileSync(full, "utf8");
      if (isServerModule(source)) {
        for (const name of exportedNames(source))
          endpoints.push({ kind: "action", file, name, key: `${file}#${name}` });
      } else if (/["']use server["']/.test(source)) {
        // An inline server function (inside a component) is an endpoint too; the matrix cannot call it directly.
        inline.push(file);
      }
      if (dir === "app" && /\/route\.(ts|js)$/.test(file)) {
        for (const name of exportedNames(source))
          if ((HTTP_METHODS as readonly string[]).includes(name))
            endpoints.push({ kind: "route", file, name, key: `${file}#${name}` });
      }
    }
  }
  return { endpoints: endpoints.sort((a, b) => a.key.localeCompare(b.key)), inline };
}
