import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./common";
import { ageOn, clinicToday, makeProfileSchema, profileFormValues } from "./profile";

// Noon in Paris on 2026-03-15, so "today" is unambiguous.
const schema = makeProfileSchema(() => new Date("2026-03-15T11:00:00Z"));
const valid = { dateOfBirth: "1980-06-01", sex: "female", conditions: [], medicines: [] };

function errorsOf(input: Record<string, unknown>) {
  const r = schema.safeParse({ ...valid, ...input });
  return r.success ? {} : toFieldErrors(r.error);
}

describe("profile schema", () => {
  it("accepts a complete profile and normalises empty free text to null", () => {
    const r = schema.parse({ ...valid, conditionsOther: "   ", medicinesOther: " Magnesium " });
    expect(r).toMatchObject({
      dateOfBirth: "1980-06-01",
      sex: "female",
      conditionsOther: null,
      medicinesOther: "Magnesium",
    });
  });

  it.each([
    ["", "required"],
    ["15/03/1980", "dateInvalid"],
    ["2023-02-30", "dateInvalid"],
    ["2026-03-16", "birthDateFuture"],
    ["2999-01-01", "birthDateFuture"],
    ["1905-03-15", "birthDateTooOld"],
    ["1800-01-01", "birthDateTooOld"],
  ])("refuses the birth date %j with %s", (dateOfBirth, code) => {
    expect(errorsOf({ dateOfBirth })).toEqual({ dateOfBirth: code });
  });

  it.each(["2026-03-15", "1905-03-16", "2024-02-29"])("accepts the boundary birth date %s", (dateOfBirth) => {
    expect(errorsOf({ dateOfBirth })).toEqual({});
  });

  it("requires a sex option and refuses an unknown one", () => {
    expect(errorsOf({ sex: undefined })).toEqual({ sex: "required" });
    expect(errorsOf({ sex: "robot" })).toEqual({ sex: "invalid" });
  });

  it("refuses an unknown condition or medicine code", () => {
    expect(errorsOf({ conditions: ["diabetes", "vampirism"] })).toEqual({ conditions: "invalid" });
    expect(errorsOf({ medicines: ["aspirin"] })).toEqual({ medicines: "invalid" });
  });

  it("keeps codes in catalogue order without duplicates", () => {
    const r = schema.parse({ ...valid, conditions: ["diabetes", "organ_failure", "diabetes"] });
    expect(r.conditions).toEqual(["organ_failure", "diabetes"]);
  });

  it("limits free text to 500 characters", () => {
    expect(errorsOf({ conditionsOther: "x".repeat(500) })).toEqual({});
    expect(errorsOf({ conditionsOther: "x".repeat(501) })).toEqual({ conditionsOther: "too_long" });
    expect(errorsOf({ medicinesOther: "x".repeat(501) })).toEqual({ medicinesOther: "too_long" });
  });

  it("parses its own output again unchanged (the DAL re-checks what the action parsed)", () => {
    const once = schema.parse({ ...valid, conditions: ["pregnancy"], conditionsOther: "Asthma" });
    expect(schema.parse(once)).toEqual(once);
  });
});

describe("profile helpers", () => {
  it("counts completed years", () => {
    expect(ageOn("2000-03-16", "2026-03-15")).toBe(25);
    expect(ageOn("2000-03-15", "2026-03-15")).toBe(26);
    expect(ageOn("1905-03-15", "2026-03-15")).toBe(121);
  });

  it("takes today in the clinic's time zone", () => {
    expect(clinicToday(new Date("2026-03-14T23:30:00Z"))).toBe("2026-03-15");
  });

  it("reads repeated checkbox keys from FormData", () => {
    const fd = new FormData();
    fd.append("dateOfBirth", "1980-06-01");
    fd.append("conditions", "diabetes");
    fd.append("conditions", "pregnancy");
    fd.append("medicines", "statin");
    expect(profileFormValues(fd)).toMatchObject({
      dateOfBirth: "1980-06-01",
      sex: undefined,
      conditions: ["diabetes", "pregnancy"],
      medicines: ["statin"],
    });
  });
});
