import { createHmac, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. Pure: no database.

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Codes from one step before or after the server's clock are accepted (phone clocks drift). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totp(secret: string, account = "", issuer = "SpasmCare"): TOTP {
  return new TOTP({
    issuer,
    label: account,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
    secret: Secret.fromBase32(secret),
  });
}

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps take it by hand. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The code for a moment (tests, and nothing else in the app). */
export function totpCode(secret: string, at: number = Date.now()): string {
  return totp(secret).generate({ timestamp: at });
}

export const isTotpFormat = (code: string) => /^\d{6}$/.test(code);

/**
 * Checks a 6-digit code within ±TOTP_WINDOW steps. Returns the step the code belongs to, or null when it is wrong
 * or belongs to a step already used (`lastUsedStep`): each code opens one sign-in only, even inside its 30 s.
 */
export function verifyTotp(
  secret: string,
  code: string,
  lastUsedStep: number,
  at: number = Date.now(),
): number | null {
  const token = code.replace(/\s/g, "");
  if (!isTotpFormat(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: at, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = Math.floor(at / 1000 / TOTP_PERIOD_S) + delta;
  return step > lastUsedStep ? step : null;
}

// Recovery codes: 12 characters of Crockford's base32 (no I, L, O, U), 60 random bits, shown as xxxx-xxxx-xxxx.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export function generateRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = "";
    for (let i = 0; i < 12; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(`${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`);
  }
  return [...codes];
}

/** What the user typed → the canonical 12 characters (case, spaces, dashes and look-alike letters forgiven). */
export function normaliseRecoveryCode(input: string): string | null {
  const s = input.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  return /^[0-9a-hjkmnp-tv-z]{12}$/.test(s) ? s : null;
}

/**
 * HMAC-SHA-256 with a server-side pepper, not argon2. Argon2 exists to slow down guessing low-entropy passwords; a
 * recovery code carries 60 random bits, which no offline guessing covers anyway, and without the pepper (kept out of
 * the database) a stolen hash cannot even be tested. A fast keyed hash makes the check one indexed lookup instead of
 * up to ten argon2 runs (19 MiB each) per attempt, which an attacker could otherwise use to load the server.
 */
export function hashRecoveryCode(normalised: string, pepper: Buffer): string {
  return createHmac("sha256", pepper).update(normalised).digest("hex");
}
