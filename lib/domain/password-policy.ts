// Password policy (OWASP ASVS 5.0 §6.2): a length range, no composition rules, refused when common or breached,
// refused when it contains who the user is. Pure: the list lookup is passed in, so this runs anywhere.

/** Counted in Unicode code points: "é" or an emoji is one character, as the user sees it. */
export const PASSWORD_MIN_LENGTH = 12;
/** Counted in UTF-16 units, as sign-in counts them: a password accepted here can always be typed at sign-in. */
export const PASSWORD_MAX_LENGTH = 128;
/** Shorter parts of an e-mail or name ("dr", "jo") are too common inside words to refuse a password for. */
export const IDENTITY_TOKEN_MIN_LENGTH = 3;

export type PasswordIssue =
  "password_too_short" | "password_too_long" | "password_common" | "password_contains_identity";

export type PasswordContext = { email?: string | null; name?: string | null };

/** Lower case without accents, so "Élodie" inside "elodie2026..." is caught. */
function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The e-mail's local part, the name, and each of their words of at least IDENTITY_TOKEN_MIN_LENGTH. */
export function identityTokens({ email, name }: PasswordContext): string[] {
  const local = fold((email ?? "").trim().split("@")[0] ?? "");
  const fullName = fold((name ?? "").trim());
  const words = (s: string) => s.split(/[^\p{L}\p{N}]+/u);
  const tokens = [local, fullName.replace(/\s+/g, ""), fullName, ...words(local), ...words(fullName)];
  return [...new Set(tokens.filter((t) => [...t].length >= IDENTITY_TOKEN_MIN_LENGTH))];
}

/**
 * The first rule a password breaks, or null when it is acceptable. `isCommon` answers whether a candidate is in
 * the shipped list of common and breached passwords (lib/auth/common-passwords.ts).
 */
export function checkPasswordPolicy(
  password: string,
  context: PasswordContext,
  isCommon: (candidate: string) => boolean,
): PasswordIssue | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "password_too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "password_too_long";
  if (isCommon(password)) return "password_common";
  const folded = fold(password);
  if (identityTokens(context).some((t) => folded.includes(t))) return "password_contains_identity";
  return null;
}
