import { afterEach, describe, expect, it } from "vitest";
import {
  CLOCK_SKEW_MS,
  localInputToIso,
  MAX_REPORT_AGE_MS,
  reportFormDataToRaw,
  reportSchema,
  toLocalInputValue,
  validateReport,
  type ReportRaw,
} from "./report";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function valid(overrides: Partial<Record<keyof ReportRaw, unknown>> = {}): Record<string, unknown> {
  return {
    startedAt: minutesAgo(30),
    ongoing: false,
    durationMinutes: 5,
    painScore: 3,
    redFlags: ["none"],
    relief: "stretching_helped",
    pattern: "single_cramp",
    handImpact: "none",
    walkingImpact: "mild",
    sites: [{ site: "calf", side: "left" }],
    triggers: ["exercise_fatigue"],
    conditions: [],
    notes: "",
    ...overrides,
  };
}

describe("reportSchema", () => {
  it("accepts a finished episode and returns typed values", () => {
    const parsed = reportSchema.parse(valid({ notes: "  after a run  " }));
    expect(parsed.startedAt).toBeInstanceOf(Date);
    expect(parsed.durationMinutes).toBe(5);
    expect(parsed.notes).toBe("after a run");
  });

  it("accepts an ongoing episode without a duration", () => {
    const parsed = reportSchema.parse(valid({ ongoing: true, durationMinutes: null }));
    expect(parsed).toMatchObject({ ongoing: true, durationMinutes: null });
  });

  it("accepts an ongoing episode with the time it has lasted so far", () => {
    expect(validateReport(valid({ ongoing: true, durationMinutes: 20 }))).toEqual({});
  });

  it.each([
    ["pain 11", { painScore: 11 }, "painScore", "pain_range"],
    ["pain -1", { painScore: -1 }, "painScore", "pain_range"],
    ["pain 2.5", { painScore: 2.5 }, "painScore", "pain_range"],
    ["no pain chosen", { painScore: undefined }, "painScore", "pain_required"],
    [
      "start in the future",
      { startedAt: new Date(Date.now() + CLOCK_SKEW_MS + 60_000).toISOString() },
      "startedAt",
      "start_in_future",
    ],
    [
      "start over a year ago",
      { startedAt: new Date(Date.now() - MAX_REPORT_AGE_MS - 60_000).toISOString() },
      "startedAt",
      "start_too_old",
    ],
    ["no start", { startedAt: "" }, "startedAt", "required"],
    ["a start that is not a date", { startedAt: "yesterday" }, "startedAt", "start_invalid"],
    ["no site", { sites: [] }, "sites", "site_required"],
    ["unreadable sites", { sites: null }, "sites", "site_required"],
    ["an unknown site", { sites: [{ site: "tail", side: "left" }] }, "sites", "site_invalid"],
    ["a limb site without a side", { sites: [{ site: "calf", side: "" }] }, "sites", "side_required"],
    ["a limb site marked midline", { sites: [{ site: "calf", side: "midline" }] }, "sites", "side_required"],
    ["a midline site marked left", { sites: [{ site: "neck", side: "left" }] }, "sites", "side_required"],
    [
      "a duplicate site",
      {
        sites: [
          { site: "calf", side: "left" },
          { site: "calf", side: "right" },
        ],
      },
      "sites",
      "site_duplicate",
    ],
    [
      "11 sites",
      { sites: Array.from({ length: 11 }, () => ({ site: "neck", side: "midline" })) },
      "sites",
      "sites_too_many",
    ],
    [
      "a finished episode without duration",
      { durationMinutes: null },
      "durationMinutes",
      "duration_required",
    ],
    ["duration 0", { durationMinutes: 0 }, "durationMinutes", "duration_range"],
    ["duration 10081", { durationMinutes: 10_081 }, "durationMinutes", "duration_range"],
    ["duration 2.5", { durationMinutes: 2.5 }, "durationMinutes", "duration_range"],
    ["ongoing not answered", { ongoing: null }, "ongoing", "ongoing_required"],
    ["red-flag question not answered", { redFlags: undefined }, "redFlags", "red_flags_required"],
    ["red-flag question answered with nothing", { redFlags: [] }, "redFlags", "red_flags_required"],
    ["red flags that are not a list", { redFlags: "numbness" }, "redFlags", "red_flags_required"],
    ["an unknown red flag", { redFlags: ["headache"] }, "redFlags", "invalid"],
    [
      "'none of these' together with a flag",
      { redFlags: ["none", "numbness"] },
      "redFlags",
      "red_flags_conflict",
    ],
    ["an unknown relief", { relief: "prayer" }, "relief", "choose_one"],
    ["no pattern", { pattern: undefined }, "pattern", "choose_one"],
    ["no hand impact", { handImpact: undefined }, "handImpact", "choose_one"],
    ["an unknown walking impact", { walkingImpact: "extreme" }, "walkingImpact", "choose_one"],
    ["an unknown trigger", { triggers: ["moon"] }, "triggers", "invalid"],
    ["an unknown condition", { conditions: ["flu"] }, "conditions", "invalid"],
    ["notes over 2000 characters", { notes: "x".repeat(2001) }, "notes", "notes_too_long"],
  ])("refuses %s", (_name, overrides, field, code) => {
    expect(validateReport(valid(overrides))).toEqual({ [field]: code });
  });

  it("accepts the boundaries: pain 0 and 10, duration 1 and 10080, 10 sites, clock skew, almost a year ago", () => {
    const tenSites = [
      "face",
      "eyelid",
      "jaw",
      "neck",
      "chest",
      "abdomen",
      "upper_back",
      "lower_back",
      "hand",
      "foot",
    ].map((site) => ({
      site,
      side: ["jaw", "neck", "chest", "abdomen", "upper_back", "lower_back"].includes(site)
        ? "midline"
        : "both",
    }));
    for (const overrides of [
      { painScore: 0 },
      { painScore: 10 },
      { durationMinutes: 1 },
      { durationMinutes: 10_080 },
      { sites: tenSites },
      { startedAt: new Date(Date.now() + CLOCK_SKEW_MS - 10_000).toISOString() },
      { startedAt: new Date(Date.now() - MAX_REPORT_AGE_MS + 60_000).toISOString() },
    ]) {
      expect(validateReport(valid(overrides)), JSON.stringify(overrides)).toEqual({});
    }
  });

  it("reports every bad field at once, the duration rule included", () => {
    const errors = validateReport({ startedAt: "", ongoing: false, durationMinutes: null, sites: [] });
    expect(errors).toMatchObject({
      startedAt: "required",
      durationMinutes: "duration_required",
      painScore: "pain_required",
      redFlags: "red_flags_required",
      relief: "choose_one",
      sites: "site_required",
    });
  });

  it.each([
    [["none"], []],
    [["none", "none"], []],
    [["numbness"], ["numbness"]],
    [
      ["breathing_or_swallowing", "new_weakness"],
      ["new_weakness", "breathing_or_swallowing"],
    ],
    [
      ["numbness", "breathing_or_swallowing", "new_weakness", "numbness"],
      ["new_weakness", "numbness", "breathing_or_swallowing"],
    ],
  ])("red-flag answer %j is stored as %j", (answer, stored) => {
    expect(reportSchema.parse(valid({ redFlags: answer })).redFlags).toEqual(stored);
  });

  it("keeps triggers and conditions unique and in the list's order", () => {
    const parsed = reportSchema.parse(
      valid({ triggers: ["stress", "exercise_fatigue", "stress"], conditions: undefined }),
    );
    expect(parsed.triggers).toEqual(["exercise_fatigue", "stress"]);
    expect(parsed.conditions).toEqual([]);
  });
});

describe("reportFormDataToRaw", () => {
  it("reads the form's fields, sites as JSON and repeated triggers", () => {
    const fd = new FormData();
    fd.set("startedAt", minutesAgo(10));
    fd.set("ongoing", "false");
    fd.set("durationMinutes", "15");
    fd.set("painScore", "0");
    fd.set("relief", "not_tried");
    fd.set("pattern", "unsure");
    fd.set("handImpact", "none");
    fd.set("walkingImpact", "none");
    fd.append("redFlags", "numbness");
    fd.append("redFlags", "new_weakness");
    fd.set("sites", JSON.stringify([{ site: "neck", side: "midline" }]));
    fd.append("triggers", "stress");
    fd.append("triggers", "heat_dehydration");
    fd.append("conditions", "diabetes");
    fd.set("notes", "");
    const raw = reportFormDataToRaw(fd);
    expect(raw).toMatchObject({
      ongoing: false,
      durationMinutes: 15,
      painScore: 0,
      triggers: ["stress", "heat_dehydration"],
      redFlags: ["numbness", "new_weakness"],
    });
    expect(reportSchema.parse(raw).redFlags).toEqual(["new_weakness", "numbness"]);
  });

  it("turns an empty form into field errors, not an exception", () => {
    const raw = reportFormDataToRaw(new FormData());
    expect(validateReport(raw)).toMatchObject({
      startedAt: "required",
      ongoing: "ongoing_required",
      painScore: "pain_required",
      redFlags: "red_flags_required",
      sites: "site_required",
    });
  });

  it("refuses junk: broken JSON sites, a non-numeric pain, a file instead of text", () => {
    const fd = new FormData();
    fd.set("sites", "[{not json");
    fd.set("painScore", "lots");
    fd.set("ongoing", "maybe");
    fd.set("notes", new Blob(["x"]));
    const errors = validateReport(reportFormDataToRaw(fd));
    expect(errors).toMatchObject({
      sites: "site_required",
      painScore: "pain_required",
      ongoing: "ongoing_required",
    });
    expect(errors.notes).toBeUndefined();
  });
});

describe("datetime-local conversion", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it.each([
    ["Europe/Paris", "2026-11-25T14:30", "2026-11-25T14:30:00+01:00", "2026-11-25T13:30:00.000Z"],
    ["Europe/Paris", "2026-07-01T08:05", "2026-07-01T08:05:00+02:00", "2026-07-01T06:05:00.000Z"],
    ["America/St_Johns", "2026-11-25T09:00", "2026-11-25T09:00:00-03:30", "2026-11-25T12:30:00.000Z"],
    ["UTC", "2026-01-01T00:00", "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00.000Z"],
  ])("in %s, %s is %s", (tz, local, iso, utc) => {
    process.env.TZ = tz;
    expect(localInputToIso(local)).toBe(iso);
    expect(new Date(localInputToIso(local)).toISOString()).toBe(utc);
    expect(toLocalInputValue(new Date(utc))).toBe(local);
  });

  it("gives an empty string (→ required) for an empty or unreadable value", () => {
    expect(localInputToIso("")).toBe("");
    expect(localInputToIso("25/11/2026 14:30")).toBe("");
    expect(localInputToIso("2026-13-45T99:99")).toBe("");
  });
});
