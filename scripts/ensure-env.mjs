// Writes a git-ignored .env.local with a random AUTH_SECRET on first run, so `npm run dev` needs no setup.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, appendFileSync } from "node:fs";

export function ensureDevEnv(file = ".env.local") {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^AUTH_SECRET=/m.test(current) || process.env.AUTH_SECRET) return false;
  appendFileSync(
    file,
    `${current && !current.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`,
  );
  console.log(`Generated a development AUTH_SECRET in ${file}.`);
  return true;
}
