import { describe, expect, it } from "vitest";
import { registerSchema } from "./auth";
import { changePasswordSchema, createAccountSchema } from "./admin";
import { commonPasswords, isCommonPassword } from "./common-passwords";
import { newPasswordSchema, passwordPolicyError } from "./password";

describe("the shipped common-password list", () => {
  it("holds the 100 000 most common passwords", () => {
    // 100 000 lines; fewer once case is folded ("Password" and "password" are one entry).
    expect(commonPasswords().size).toBeGreaterThan(96_000);
    expect(isCommonPassword("123456")).toBe(true);
    expect(isCommonPassword("PASSWORD")).toBe(true); // case-insensitive
  });

  it("does not hold the demo or fixture passwords", () => {
    for (const p of ["SpasmCare-demo-2026", "a long enough password", "correct horse battery"]) {
      expect(isCommonPassword(p)).toBe(false);
      expect(passwordPolicyError(p)).toBeNull();
    }
  });

  it("refuses its long entries", () => {
    const long = [...commonPasswords()].find((p) => p.length >= 12)!;
    expect(passwordPolicyError(long)).toBe("password_common");
  });
});

describe("every schema that sets a password uses the policy", () => {
  const common = [...commonPasswords()].find((p) => p.length >= 12)!;
  const messages = (r: {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  }) => r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

  it("new password field", () => {
    expect(messages(newPasswordSchema.safeParse("elevenchars"))).toEqual([":password_too_short"]);
    expect(messages(newPasswordSchema.safeParse(common))).toEqual([":password_common"]);
    expect(newPasswordSchema.safeParse("twelve chars").success).toBe(true);
  });

  it("registration, with the e-mail and name", () => {
    const base = { name: "Nadia Benali", email: "nadia.b@example.org", locale: "fr" };
    const reg = (password: string) =>
      registerSchema.safeParse({ ...base, password, confirmPassword: password });
    expect(reg("a long enough password").success).toBe(true);
    expect(messages(reg("benali garden party"))).toEqual(["password:password_contains_identity"]);
    expect(messages(reg("my nadia.b password"))).toEqual(["password:password_contains_identity"]);
    expect(messages(reg("short"))).toEqual(["password:password_too_short"]);
    expect(messages(reg(common))).toEqual(["password:password_common"]);
  });

  it("forced change and admin temporary passwords", () => {
    expect(
      messages(changePasswordSchema.safeParse({ password: "tooshort", confirmPassword: "tooshort" })),
    ).toEqual(["password:password_too_short"]);
    const create = (temporaryPassword: string) =>
      createAccountSchema.safeParse({
        role: "doctor",
        name: "Paul Girard",
        email: "p.girard@clinic.example",
        locale: "fr",
        temporaryPassword,
      });
    expect(create("").success).toBe(true); // empty: the server generates one
    expect(messages(create("girard-temp-2026"))).toEqual(["temporaryPassword:password_contains_identity"]);
    expect(messages(create("abc"))).toEqual(["temporaryPassword:password_too_short"]);
    expect(create("plum tea cup 42").success).toBe(true);
  });
});
