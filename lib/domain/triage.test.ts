import { describe, it, expect } from "vitest";
import {
  triageReport,
  countRecent,
  compareQueue,
  TRIAGE_REASONS,
  TRIAGE_RULES_VERSION,
  SERIOUS_CONDITIONS,
  LEVEL_RANK,
  IMPACT_LEVELS,
  RELIEF_OPTIONS,
  PATTERN_OPTIONS,
  type TriageInput,
  type TriageReason,
  type TriageLevel,
  type QueueEntry,
} from "./triage";

/** An isolated, mild spasm that eased: fires no rule. */
const base: TriageInput = {
  painScore: 2,
  ongoing: false,
  durationMinutes: 5,
  relief: "stretching_helped",
  pattern: "single_cramp",
  handImpact: "none",
  walkingImpact: "none",
  conditions: [],
  recentCount: 1,
};
const run = (patch: Partial<TriageInput>) => triageReport({ ...base, ...patch });

describe("triageReport — routine", () => {
  it("no rule fired gives routine with no reasons and rulesVersion 1", () => {
    expect(triageReport(base)).toEqual({ level: "routine", reasons: [], rulesVersion: 1 });
    expect(TRIAGE_RULES_VERSION).toBe(1);
  });
  it.each<[string, Partial<TriageInput>]>([
    ["pain 0", { painScore: 0 }],
    ["pain 3", { painScore: 3 }],
    ["mild impacts", { handImpact: "mild", walkingImpact: "mild" }],
    ["massage helped", { relief: "massage_helped" }],
    ["not tried", { relief: "not_tried" }],
    ["pattern unsure", { pattern: "unsure" }],
    ["non-serious condition", { conditions: ["diabetes"] }],
    ["duration 14", { durationMinutes: 14 }],
    ["finished with null duration", { durationMinutes: null }],
  ])("%s stays routine", (_name, patch) => {
    expect(run(patch)).toEqual({ level: "routine", reasons: [], rulesVersion: 1 });
  });
});

describe("triageReport — one test per rule and boundary", () => {
  const cases: [string, Partial<TriageInput>, TriageLevel, TriageReason[]][] = [
    // pain boundaries 3/4 and 7/8
    ["pain 3 fires nothing", { painScore: 3 }, "routine", []],
    ["pain 4 is PAINFUL", { painScore: 4 }, "soon", ["PAINFUL"]],
    ["pain 7 is PAINFUL", { painScore: 7 }, "soon", ["PAINFUL"]],
    ["pain 8 is EXTREME_PAIN (not PAINFUL)", { painScore: 8 }, "urgent", ["EXTREME_PAIN"]],
    ["pain 10 is EXTREME_PAIN", { painScore: 10 }, "urgent", ["EXTREME_PAIN"]],
    // ongoing
    ["ongoing fires NOT_STOPPING", { ongoing: true, durationMinutes: null }, "urgent", ["NOT_STOPPING"]],
    [
      "ongoing with duration 60 does not fire LONG_EPISODE",
      { ongoing: true, durationMinutes: 60 },
      "urgent",
      ["NOT_STOPPING"],
    ],
    // recentCount 1/2/3
    ["recentCount 1 fires nothing", { recentCount: 1 }, "routine", []],
    ["recentCount 2 is REPEATED", { recentCount: 2 }, "soon", ["REPEATED"]],
    ["recentCount 3 is RECURRING (not REPEATED)", { recentCount: 3 }, "urgent", ["RECURRING"]],
    ["recentCount 7 is RECURRING", { recentCount: 7 }, "urgent", ["RECURRING"]],
    // duration 14/15
    ["duration 14 fires nothing", { durationMinutes: 14 }, "routine", []],
    ["duration 15 is LONG_EPISODE", { durationMinutes: 15 }, "soon", ["LONG_EPISODE"]],
    ["duration 10080 is LONG_EPISODE", { durationMinutes: 10080 }, "soon", ["LONG_EPISODE"]],
    ["finished, duration null fires nothing", { durationMinutes: null }, "routine", []],
    // impacts
    ["hand moderate is FUNCTION_AFFECTED", { handImpact: "moderate" }, "soon", ["FUNCTION_AFFECTED"]],
    ["walking moderate is FUNCTION_AFFECTED", { walkingImpact: "moderate" }, "soon", ["FUNCTION_AFFECTED"]],
    ["hand severe is SEVERE_FUNCTION_LOSS", { handImpact: "severe" }, "urgent", ["SEVERE_FUNCTION_LOSS"]],
    [
      "walking severe is SEVERE_FUNCTION_LOSS",
      { walkingImpact: "severe" },
      "urgent",
      ["SEVERE_FUNCTION_LOSS"],
    ],
    ["hand mild fires nothing", { handImpact: "mild" }, "routine", []],
    ["walking mild fires nothing", { walkingImpact: "mild" }, "routine", []],
    [
      "hand severe + walking moderate fires both",
      { handImpact: "severe", walkingImpact: "moderate" },
      "urgent",
      ["SEVERE_FUNCTION_LOSS", "FUNCTION_AFFECTED"],
    ],
    [
      "both severe fires SEVERE_FUNCTION_LOSS once",
      { handImpact: "severe", walkingImpact: "severe" },
      "urgent",
      ["SEVERE_FUNCTION_LOSS"],
    ],
    // serious conditions
    ["organ_failure", { conditions: ["organ_failure"] }, "urgent", ["SERIOUS_CONDITION"]],
    ["degenerative_neuro", { conditions: ["degenerative_neuro"] }, "urgent", ["SERIOUS_CONDITION"]],
    ["spinal_cord_injury", { conditions: ["spinal_cord_injury"] }, "urgent", ["SERIOUS_CONDITION"]],
    ["toxin_exposure", { conditions: ["toxin_exposure"] }, "urgent", ["SERIOUS_CONDITION"]],
    ["diabetes is not serious", { conditions: ["diabetes"] }, "routine", []],
    [
      "two serious conditions fire SERIOUS_CONDITION once",
      { conditions: ["diabetes", "organ_failure", "toxin_exposure"] },
      "urgent",
      ["SERIOUS_CONDITION"],
    ],
    // NOT_RELIEVED
    ["nothing_helped is NOT_RELIEVED", { relief: "nothing_helped" }, "soon", ["NOT_RELIEVED"]],
    ["repeated_twitching is NOT_RELIEVED", { pattern: "repeated_twitching" }, "soon", ["NOT_RELIEVED"]],
    [
      "nothing_helped + repeated_twitching fires NOT_RELIEVED once",
      { relief: "nothing_helped", pattern: "repeated_twitching" },
      "soon",
      ["NOT_RELIEVED"],
    ],
  ];
  it.each(cases)("%s", (_name, patch, level, reasons) => {
    const r = run(patch);
    expect(r.reasons).toEqual(reasons);
    expect(r.level).toBe(level);
    expect(r.rulesVersion).toBe(1);
  });
});

describe("triageReport — level is the max, reasons in table order", () => {
  it("urgent wins over soon, all reasons listed", () => {
    const r = run({ painScore: 5, walkingImpact: "severe", durationMinutes: 20 });
    expect(r.level).toBe("urgent");
    expect(r.reasons).toEqual(["SEVERE_FUNCTION_LOSS", "PAINFUL", "LONG_EPISODE"]);
  });
  it("only soon rules give soon", () => {
    const r = run({
      painScore: 6,
      relief: "nothing_helped",
      recentCount: 2,
      durationMinutes: 30,
      handImpact: "moderate",
    });
    expect(r.level).toBe("soon");
    expect(r.reasons).toEqual(["PAINFUL", "NOT_RELIEVED", "REPEATED", "LONG_EPISODE", "FUNCTION_AFFECTED"]);
  });
  it("every possible reason at once comes out in table order", () => {
    // PAINFUL and EXTREME_PAIN / REPEATED and RECURRING / NOT_STOPPING and LONG_EPISODE are exclusive,
    // so check two inputs that together cover all ten.
    const a = run({
      painScore: 9,
      ongoing: true,
      durationMinutes: null,
      recentCount: 4,
      conditions: ["spinal_cord_injury"],
      handImpact: "severe",
      walkingImpact: "moderate",
      pattern: "repeated_twitching",
    });
    expect(a.reasons).toEqual([
      "EXTREME_PAIN",
      "NOT_STOPPING",
      "RECURRING",
      "SERIOUS_CONDITION",
      "SEVERE_FUNCTION_LOSS",
      "NOT_RELIEVED",
      "FUNCTION_AFFECTED",
    ]);
    expect(a.level).toBe("urgent");
    const b = run({
      painScore: 4,
      recentCount: 2,
      durationMinutes: 15,
      relief: "nothing_helped",
      handImpact: "moderate",
    });
    expect(b.reasons).toEqual(["PAINFUL", "NOT_RELIEVED", "REPEATED", "LONG_EPISODE", "FUNCTION_AFFECTED"]);
    expect(b.level).toBe("soon");
  });
  it("reason order always follows TRIAGE_REASONS order", () => {
    const order = TRIAGE_REASONS.map((r) => r.code);
    const r = run({ painScore: 8, recentCount: 3, walkingImpact: "moderate", relief: "nothing_helped" });
    const idx = r.reasons.map((c) => order.indexOf(c));
    expect(idx).toEqual([...idx].sort((x, y) => x - y));
    expect(r.reasons).toEqual(["EXTREME_PAIN", "RECURRING", "NOT_RELIEVED", "FUNCTION_AFFECTED"]);
  });
  it("level equals the max level among fired reasons, for every single rule", () => {
    for (const rule of TRIAGE_REASONS) {
      expect(["urgent", "soon"]).toContain(rule.level);
    }
    const soonOnly = run({ painScore: 4 });
    const withUrgent = run({ painScore: 4, ongoing: true, durationMinutes: null });
    expect(soonOnly.level).toBe("soon");
    expect(withUrgent.level).toBe("urgent");
    expect(withUrgent.reasons).toEqual(["NOT_STOPPING", "PAINFUL"]);
  });
  it("does not mutate its input", () => {
    const input: TriageInput = { ...base, conditions: ["organ_failure"] };
    const copy = structuredClone(input);
    triageReport(input);
    expect(input).toEqual(copy);
  });
});

describe("constants", () => {
  it("TRIAGE_REASONS is the table in order with levels", () => {
    expect(TRIAGE_REASONS).toEqual([
      { code: "EXTREME_PAIN", level: "urgent" },
      { code: "NOT_STOPPING", level: "urgent" },
      { code: "RECURRING", level: "urgent" },
      { code: "SERIOUS_CONDITION", level: "urgent" },
      { code: "SEVERE_FUNCTION_LOSS", level: "urgent" },
      { code: "PAINFUL", level: "soon" },
      { code: "NOT_RELIEVED", level: "soon" },
      { code: "REPEATED", level: "soon" },
      { code: "LONG_EPISODE", level: "soon" },
      { code: "FUNCTION_AFFECTED", level: "soon" },
    ]);
  });
  it("option arrays", () => {
    expect(SERIOUS_CONDITIONS).toEqual([
      "organ_failure",
      "degenerative_neuro",
      "spinal_cord_injury",
      "toxin_exposure",
    ]);
    expect(IMPACT_LEVELS).toEqual(["none", "mild", "moderate", "severe"]);
    expect(RELIEF_OPTIONS).toEqual(["stretching_helped", "massage_helped", "nothing_helped", "not_tried"]);
    expect(PATTERN_OPTIONS).toEqual(["single_cramp", "repeated_twitching", "unsure"]);
    expect(LEVEL_RANK.urgent).toBeGreaterThan(LEVEL_RANK.soon);
    expect(LEVEL_RANK.soon).toBeGreaterThan(LEVEL_RANK.routine);
  });
});

describe("countRecent", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const start = new Date("2025-06-30T12:00:00Z");
  const ago = (ms: number) => new Date(start.getTime() - ms);
  it.each<[string, Date[], number]>([
    ["no earlier episodes gives 1", [], 1],
    ["one earlier within window gives 2", [ago(5 * DAY)], 2],
    ["two earlier within window gives 3", [ago(1 * DAY), ago(29 * DAY)], 3],
    ["exactly 30 days before counts", [ago(30 * DAY)], 2],
    ["30 days + 1 ms before does not count", [ago(30 * DAY + 1)], 1],
    ["30 days - 1 ms before counts", [ago(30 * DAY - 1)], 2],
    ["identical start counts", [new Date(start.getTime())], 2],
    ["later start does not count", [new Date(start.getTime() + 1)], 1],
    ["later by a day does not count", [new Date(start.getTime() + DAY)], 1],
    ["invalid date is ignored", [new Date("nope")], 1],
    ["mixed", [ago(DAY), ago(31 * DAY), new Date(start.getTime() + DAY), ago(30 * DAY)], 3],
  ])("%s", (_name, earlier, expected) => {
    expect(countRecent(start, earlier)).toBe(expected);
  });
  it("feeds the triage thresholds: 1 → none, 2 → REPEATED, 3 → RECURRING", () => {
    expect(run({ recentCount: countRecent(start, []) }).reasons).toEqual([]);
    expect(run({ recentCount: countRecent(start, [ago(DAY)]) }).reasons).toEqual(["REPEATED"]);
    expect(run({ recentCount: countRecent(start, [ago(DAY), ago(30 * DAY)]) }).reasons).toEqual([
      "RECURRING",
    ]);
  });
});

describe("compareQueue", () => {
  const d = (iso: string) => new Date(iso);
  it("orders by level, then reason count (more first), then oldest first", () => {
    const entries: (QueueEntry & { id: string })[] = [
      { id: "routine-old", level: "routine", reasonCount: 0, since: d("2025-01-01") },
      { id: "soon-3-new", level: "soon", reasonCount: 3, since: d("2025-03-01") },
      { id: "urgent-1-new", level: "urgent", reasonCount: 1, since: d("2025-03-05") },
      { id: "soon-3-old", level: "soon", reasonCount: 3, since: d("2025-02-01") },
      { id: "urgent-2", level: "urgent", reasonCount: 2, since: d("2025-03-10") },
      { id: "soon-1", level: "soon", reasonCount: 1, since: d("2024-01-01") },
      { id: "urgent-1-old", level: "urgent", reasonCount: 1, since: d("2025-03-01") },
    ];
    expect([...entries].sort(compareQueue).map((e) => e.id)).toEqual([
      "urgent-2",
      "urgent-1-old",
      "urgent-1-new",
      "soon-3-old",
      "soon-3-new",
      "soon-1",
      "routine-old",
    ]);
  });
  it("sign conventions", () => {
    const a: QueueEntry = { level: "urgent", reasonCount: 1, since: d("2025-01-02") };
    expect(compareQueue(a, { ...a, level: "soon", reasonCount: 5 })).toBeLessThan(0);
    expect(compareQueue({ ...a, level: "routine" }, a)).toBeGreaterThan(0);
    expect(compareQueue(a, { ...a, reasonCount: 2 })).toBeGreaterThan(0);
    expect(compareQueue(a, { ...a, since: d("2025-01-01") })).toBeGreaterThan(0);
    expect(compareQueue(a, { ...a })).toBe(0);
  });
});
