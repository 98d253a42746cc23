import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  newTotpSecret,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  TOTP_PERIOD_S,
  totpCode,
  totpUri,
  verifyTotp,
} from "./totp";

const step = (ms: number) => Math.floor(ms / 1000 / TOTP_PERIOD_S);

describe("TOTP", () => {
  const secret = newTotpSecret();
  // The middle of a 30 s step, so ±1 step is exactly ±30 s.
  const now = (step(Date.UTC(2025, 0, 15, 9, 0, 0)) + 0.5) * TOTP_PERIOD_S * 1000;

  it("a fresh secret is 160 bits of base32, and the URI carries it with issuer and account", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, "dr.martin@clinic.example", "Clinique du Parc");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=Clinique%20du%20Parc");
    expect(uri).toContain("period=30");
    expect(uri).toContain("digits=6");
  });

  it("accepts the current code and one step either side, returning the code's own step", () => {
    expect(verifyTotp(secret, totpCode(secret, now), 0, now)).toBe(step(now));
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), 0, now)).toBe(step(now) - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), 0, now)).toBe(step(now) + 1);
  });

  it("refuses codes two steps away, malformed codes and another secret's code", () => {
    expect(verifyTotp(secret, totpCode(secret, now - 60_000), 0, now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 60_000), 0, now)).toBeNull();
    expect(verifyTotp(secret, "12345", 0, now)).toBeNull();
    expect(verifyTotp(secret, "1234567", 0, now)).toBeNull();
    expect(verifyTotp(secret, "abcdef", 0, now)).toBeNull();
    const other = newTotpSecret();
    const foreign = totpCode(other, now);
    if (foreign !== totpCode(secret, now)) expect(verifyTotp(secret, foreign, 0, now)).toBeNull();
  });

  it("a code is accepted once: not again, and no older step after a newer one was used", () => {
    const code = totpCode(secret, now);
    const used = verifyTotp(secret, code, 0, now)!;
    expect(verifyTotp(secret, code, used, now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), used, now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), used, now)).toBe(used + 1);
  });

  it("forgives spaces in a typed code", () => {
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, 0, now)).toBe(step(now));
  });
});

describe("recovery codes", () => {
  it(`${RECOVERY_CODE_COUNT} distinct codes of 12 base32 characters`, () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes)
      expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it("normalises case, spaces, dashes and look-alike letters; refuses anything else", () => {
    expect(normaliseRecoveryCode("ABCD-EFGH-JK01")).toBe("abcdefghjk01");
    expect(normaliseRecoveryCode(" abcd efgh jkoi ")).toBe("abcdefghjk01");
    expect(normaliseRecoveryCode("abcd-efgh-jk0")).toBeNull();
    expect(normaliseRecoveryCode("abcd-efgh-jk0u")).toBeNull();
    expect(normaliseRecoveryCode("123456")).toBeNull();
  });

  it("the stored hash depends on the pepper and is not the code", () => {
    const pepper = Buffer.alloc(32, 1);
    const h = hashRecoveryCode("abcdefghjk01", pepper);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain("abcdefghjk01");
    expect(hashRecoveryCode("abcdefghjk01", pepper)).toBe(h);
    expect(hashRecoveryCode("abcdefghjk01", Buffer.alloc(32, 2))).not.toBe(h);
  });
});
