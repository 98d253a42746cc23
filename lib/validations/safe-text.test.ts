import { describe, expect, it } from "vitest";
import { registerSchema } from "./auth";
import { safeText, toFieldErrors } from "./common";
import { profileSchema } from "./profile";
import { reportSchema } from "./report";

const controls = ["\u0000", "\u0001", "\u0007", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F"];

describe("safeText: free text without control characters", () => {
  it.each(controls.map((c) => [JSON.stringify(c), c]))("refuses %s with control_chars", (_, c) => {
    const r = safeText().safeParse(`before${c}after`);
    expect(r.success).toBe(false);
    expect(r.error && toFieldErrors(r.error)).toEqual({ _form: "control_chars" });
  });

  it("keeps tab, line feed, carriage return and any printable Unicode", () => {
    for (const s of ["a\tb", "line 1\nline 2", "line 1\r\nline 2", "crampe à 3 h — 😣", ""])
      expect(safeText().parse(s)).toBe(s);
  });

  it("a NUL in the profile's free text is a field error under that field", () => {
    const r = profileSchema.safeParse({
      dateOfBirth: "1980-06-01",
      sex: "female",
      conditions: [],
      medicines: [],
      medicinesOther: "baclofen\u0000; drop table",
    });
    expect(r.success).toBe(false);
    expect(toFieldErrors(r.error!)).toEqual({ medicinesOther: "control_chars" });
  });

  it("a NUL in a report's notes is a field error under notes", () => {
    const r = reportSchema.safeParse({
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      ongoing: false,
      durationMinutes: 5,
      painScore: 3,
      redFlags: ["none"],
      relief: "stretching_helped",
      pattern: "single_cramp",
      handImpact: "none",
      walkingImpact: "mild",
      sites: [{ site: "calf", side: "left" }],
      triggers: [],
      conditions: [],
      notes: "woke at night\u0000",
    });
    expect(r.success).toBe(false);
    expect(toFieldErrors(r.error!)).toMatchObject({ notes: "control_chars" });
  });

  it("a NUL in a name is refused at registration", () => {
    const r = registerSchema.safeParse({
      name: "Ada\u0000",
      email: "ada@test.example",
      password: "correct horse battery",
      confirmPassword: "correct horse battery",
    });
    expect(toFieldErrors(r.error!)).toEqual({ name: "control_chars" });
  });
});
