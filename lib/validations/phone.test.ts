import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./common";
import { formatPhone, optionalPhoneSchema, toE164 } from "./phone";
import { makeProfileSchema } from "./profile";

describe("phone numbers", () => {
  it.each([
    ["06 12 34 56 78", "+33612345678"],
    ["06.12.34.56.78", "+33612345678"],
    ["0612345678", "+33612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["+33 (0)6 12 34 56 78", "+33612345678"],
    ["0033 6 12 34 56 78", "+33612345678"],
    ["01 23 45 67 89", "+33123456789"],
    ["+44 20 7946 0958", "+442079460958"],
    ["+32 470 12 34 56", "+32470123456"],
    ["+1 650 253 0000", "+16502530000"],
  ])("%j is stored as %s", (input, e164) => {
    expect(toE164(input)).toBe(e164);
    expect(optionalPhoneSchema.parse(input)).toBe(e164);
  });

  it.each([
    "12345",
    "06 12 34 56", // a digit pair short
    "06 12 34 56 78 9", // one too many
    "+33 6 12 34 56 78 9",
    "00 00 00 00 00",
    "+999 123 456 789", // no such country code
    "call me",
    "+44 20 7946 09", // too short for London
  ])("%j is refused", (input) => {
    expect(toE164(input)).toBeNull();
    const r = optionalPhoneSchema.safeParse(input);
    expect(r.success ? null : r.error.issues[0].message).toBe("phoneInvalid");
  });

  it("empty is no number; control characters and overlong input are refused", () => {
    expect(optionalPhoneSchema.parse("")).toBeNull();
    expect(optionalPhoneSchema.parse("   ")).toBeNull();
    expect(optionalPhoneSchema.parse(undefined)).toBeNull();
    expect(optionalPhoneSchema.safeParse("06 12 34 56 78\u0000").error?.issues[0].message).toBe(
      "control_chars",
    );
    expect(optionalPhoneSchema.safeParse("0".repeat(41)).error?.issues[0].message).toBe("phoneInvalid");
    // Idempotent: the DAL re-parses what the action parsed.
    expect(optionalPhoneSchema.parse(optionalPhoneSchema.parse("06 12 34 56 78"))).toBe("+33612345678");
  });

  it("shows French numbers as dialled in France and others in international form", () => {
    expect(formatPhone("+33612345678")).toBe("06 12 34 56 78");
    expect(formatPhone("+442079460958")).toBe("+44 20 7946 0958");
  });
});

describe("emergency contact in the profile", () => {
  const schema = makeProfileSchema(() => new Date("2026-03-15T11:00:00Z"));
  const base = { dateOfBirth: "1980-06-01", sex: "female", conditions: [], medicines: [] };
  const errorsOf = (input: Record<string, unknown>) => {
    const r = schema.safeParse({ ...base, ...input });
    return r.success ? {} : toFieldErrors(r.error);
  };

  it("is optional as a whole", () => {
    expect(errorsOf({})).toEqual({});
    expect(errorsOf({ emergencyContactName: " ", emergencyContactPhone: "" })).toEqual({});
  });

  it("needs a name and a number once any part is given; the relation stays optional", () => {
    expect(errorsOf({ emergencyContactRelation: "Son" })).toEqual({
      emergencyContactName: "contactNameRequired",
      emergencyContactPhone: "contactPhoneRequired",
    });
    expect(errorsOf({ emergencyContactName: "Paul" })).toEqual({
      emergencyContactPhone: "contactPhoneRequired",
    });
    expect(errorsOf({ emergencyContactPhone: "0612345678" })).toEqual({
      emergencyContactName: "contactNameRequired",
    });
    expect(errorsOf({ emergencyContactName: "Paul", emergencyContactPhone: "0612345678" })).toEqual({});
  });

  it("checks each number and the lengths", () => {
    expect(errorsOf({ phone: "0612" })).toEqual({ phone: "phoneInvalid" });
    expect(errorsOf({ emergencyContactName: "Paul", emergencyContactPhone: "abc" })).toEqual({
      emergencyContactPhone: "phoneInvalid",
    });
    expect(errorsOf({ emergencyContactName: "x".repeat(121), emergencyContactPhone: "0612345678" })).toEqual({
      emergencyContactName: "too_long",
    });
    expect(
      errorsOf({
        emergencyContactName: "Paul",
        emergencyContactRelation: "x".repeat(61),
        emergencyContactPhone: "0612345678",
      }),
    ).toEqual({ emergencyContactRelation: "too_long" });
  });
});
