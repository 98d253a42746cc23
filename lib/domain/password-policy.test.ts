import { describe, expect, it } from "vitest";
import {
  checkPasswordPolicy,
  identityTokens,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "./password-policy";

const never = () => false;
const listed =
  (...entries: string[]) =>
  (p: string) =>
    entries.includes(p);

describe("checkPasswordPolicy", () => {
  it.each([
    ["11 characters", "a".repeat(11) + "", "password_too_short"],
    ["12 characters", "plum tea cup", null],
    ["128 UTF-16 units", "x".repeat(PASSWORD_MAX_LENGTH), null],
    ["129 UTF-16 units", "x".repeat(PASSWORD_MAX_LENGTH + 1), "password_too_long"],
    ["empty", "", "password_too_short"],
  ])("length: %s", (_label, password, expected) => {
    expect(checkPasswordPolicy(password, {}, never)).toBe(expected);
  });

  it("counts code points for the minimum: 11 accented letters or emoji are 11 characters", () => {
    expect(checkPasswordPolicy("é".repeat(11), {}, never)).toBe("password_too_short");
    expect(checkPasswordPolicy("🌿".repeat(11), {}, never)).toBe("password_too_short"); // 22 UTF-16 units
    expect(checkPasswordPolicy("🌿".repeat(12), {}, never)).toBeNull();
    expect(PASSWORD_MIN_LENGTH).toBe(12);
  });

  it("has no composition rules: lower-case words with spaces pass", () => {
    expect(checkPasswordPolicy("correct horse battery", {}, never)).toBeNull();
  });

  it("refuses a listed password, after the length checks", () => {
    expect(checkPasswordPolicy("qwertyuiop123", {}, listed("qwertyuiop123"))).toBe("password_common");
    expect(checkPasswordPolicy("short", {}, listed("short"))).toBe("password_too_short");
  });

  it("refuses a password holding the e-mail's local part, case and accents aside", () => {
    const ctx = { email: "Claire.Martin@clinic.example" };
    expect(checkPasswordPolicy("my claire.martin pass", ctx, never)).toBe("password_contains_identity");
    expect(checkPasswordPolicy("MARTIN forever and ever", ctx, never)).toBe("password_contains_identity");
    expect(checkPasswordPolicy("the clinic domain is fine", ctx, never)).toBeNull();
  });

  it("refuses a password holding the name or one of its words", () => {
    const ctx = { name: "Élodie Dupont-Moreau" };
    expect(checkPasswordPolicy("elodie loves the sea", ctx, never)).toBe("password_contains_identity");
    expect(checkPasswordPolicy("x moreau x moreau x", ctx, never)).toBe("password_contains_identity");
    expect(checkPasswordPolicy("ElodieDupont-Moreau!", ctx, never)).toBe("password_contains_identity");
    expect(checkPasswordPolicy("a long enough password", ctx, never)).toBeNull();
  });

  it("ignores name and e-mail parts shorter than 3 characters, and takes 3", () => {
    expect(identityTokens({ name: "Dr Jo Lee", email: "jo@x.example" })).toEqual([
      "drjolee",
      "dr jo lee",
      "lee",
    ]);
    expect(checkPasswordPolicy("drive to the shore", { name: "Dr Jo" }, never)).toBeNull();
    expect(checkPasswordPolicy("fleeting moments", { name: "Lee" }, never)).toBe(
      "password_contains_identity",
    );
  });

  it("accepts the fixtures and the demo password for their own accounts", () => {
    expect(
      checkPasswordPolicy(
        "SpasmCare-demo-2026",
        { email: "dr.martin@demo.spasmcare.test", name: "Dr Claire Martin" },
        never,
      ),
    ).toBeNull();
    expect(
      checkPasswordPolicy(
        "a long enough password",
        { email: "patient-x1@e2e.test", name: "E2E Patient" },
        never,
      ),
    ).toBeNull();
  });
});
