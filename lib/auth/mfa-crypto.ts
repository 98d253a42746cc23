import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Keys for MFA data at rest. TOTP secrets must be readable to check a code, so they are encrypted (AES-256-GCM),
// not hashed; recovery codes are hashed with a pepper (lib/auth/totp.ts). Both keys come from MFA_ENCRYPTION_KEY
// (32 bytes, base64) when set, else are derived from AUTH_SECRET with HKDF, so a stolen database alone reveals neither.

const DEV_FALLBACK = "spasmcare-development-only-mfa-key";

function masterKey(): Buffer {
  const explicit = process.env.MFA_ENCRYPTION_KEY;
  if (explicit) {
    const key = Buffer.from(explicit, "base64");
    if (key.length !== 32) throw new Error("MFA_ENCRYPTION_KEY must be 32 bytes, base64");
    return key;
  }
  const secret = process.env.AUTH_SECRET;
  if (secret) return Buffer.from(secret, "utf8");
  if (process.env.NODE_ENV === "production") throw new Error("AUTH_SECRET or MFA_ENCRYPTION_KEY is required");
  return Buffer.from(DEV_FALLBACK, "utf8");
}

function derive(info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey(), "spasmcare-mfa", info, 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive("totp-secret"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function decryptSecret(stored: string): string {
  if (!stored.startsWith("v1:")) throw new Error("unknown MFA secret format");
  const raw = Buffer.from(stored.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", derive("totp-secret"), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function recoveryPepper(): Buffer {
  return derive("recovery-code-pepper");
}
