import { describe, it, expect } from "vitest";
import {
  triageReport,
  patientAdvice,
  countRecent,
  compareQueue,
  TRIAGE_REASONS,
  TRIAGE_RULES_VERSION,
  SERIOUS_CONDITIONS,
  LEVEL_RANK,
  IMPACT_LEVELS,
  RELIEF_OPTIONS,
  PATTERN_OPTIONS,
  RED_FLAGS,
  PATIENT_ADVICE,
  type PatientAdvice,
  type RedFlag,
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
  redFlags: [],
};
const run = (patch: Partial<TriageInput>) => triageReport({ ...base, ...patch });

describe("triageReport — routine", () => {
  it("no rule fired gives routine with no reasons and rulesVersion 2", () => {
    expect(triageReport(base)).toEqual({ level: "routine", reasons: [], rulesVersion: 2 });
    expect(TRIAGE_RULES_VERSION).toBe(2);
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
    expect(run(patch)).toEqual({ level: "routine", reasons: [], rulesVersion: 2 });
  });
});

describe("triageReport — one test per rule and boundary", () => {
  const cases: [string, Partial<TriageInput>, TriageLevel, TriageReason[]][] = [
    // red flags: any one of them, alone, is urgent; none is the explicit empty answer
    ["no red flag fires nothing", { redFlags: [] }, "routine", []],
    ["new_weakness is RED_FLAG", { redFlags: ["new_weakness"] }, "urgent", ["RED_FLAG"]],
    ["numbness is RED_FLAG", { redFlags: ["numbness"] }, "urgent", ["RED_FLAG"]],
    [
      "breathing_or_swallowing is RED_FLAG",
      { redFlags: ["breathing_or_swallowing"] },
      "urgent",
      ["RED_FLAG"],
    ],
    [
      "all three red flags fire RED_FLAG once",
      { redFlags: ["new_weakness", "numbness", "breathing_or_swallowing"] },
      "urgent",
      ["RED_FLAG"],
    ],
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
    expect(r.rulesVersion).toBe(2);
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
    // so check two inputs that together cover all eleven.
    const a = run({
      redFlags: ["numbness"],
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
      "RED_FLAG",
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

describe("patientAdvice — the first line that holds decides", () => {
  const advise = (patch: Partial<TriageInput>) => patientAdvice({ ...base, ...patch });
  it.each<[string, Partial<TriageInput>, PatientAdvice]>([
    // emergency: any red flag, even on an otherwise routine report
    ...RED_FLAGS.map((f): [string, Partial<TriageInput>, PatientAdvice] => [
      `red flag ${f} on a mild eased cramp`,
      { redFlags: [f] },
      "emergency",
    ]),
    ["all red flags", { redFlags: [...RED_FLAGS] }, "emergency"],
    ["red flag with pain 0", { painScore: 0, redFlags: ["numbness"] }, "emergency"],
    ["red flag on a soon report", { painScore: 5, redFlags: ["new_weakness"] }, "emergency"],
    // emergency: ongoing and pain >= 8 (boundary 7/8)
    ["ongoing, pain 8", { ongoing: true, durationMinutes: null, painScore: 8 }, "emergency"],
    ["ongoing, pain 10", { ongoing: true, durationMinutes: null, painScore: 10 }, "emergency"],
    ["ongoing 30 min so far, pain 9", { ongoing: true, durationMinutes: 30, painScore: 9 }, "emergency"],
    [
      "ongoing, pain 7 is urgent only",
      { ongoing: true, durationMinutes: null, painScore: 7 },
      "see_doctor_24h",
    ],
    ["ongoing, pain 0", { ongoing: true, durationMinutes: null, painScore: 0 }, "see_doctor_24h"],
    ["finished, pain 8", { painScore: 8 }, "see_doctor_24h"],
    ["finished, pain 10, long", { painScore: 10, durationMinutes: 120 }, "see_doctor_24h"],
    // see_doctor_24h: urgent for any other reason
    ["third eased cramp in 30 days", { recentCount: 3 }, "see_doctor_24h"],
    ["recentCount 5", { recentCount: 5 }, "see_doctor_24h"],
    ...SERIOUS_CONDITIONS.map((c): [string, Partial<TriageInput>, PatientAdvice] => [
      `serious condition ${c}`,
      { conditions: [c] },
      "see_doctor_24h",
    ]),
    ["hand severe", { handImpact: "severe" }, "see_doctor_24h"],
    ["walking severe", { walkingImpact: "severe" }, "see_doctor_24h"],
    // doctor_will_review: level soon
    ["pain 4", { painScore: 4 }, "doctor_will_review"],
    ["pain 7", { painScore: 7 }, "doctor_will_review"],
    ["nothing helped", { relief: "nothing_helped" }, "doctor_will_review"],
    ["repeated twitching", { pattern: "repeated_twitching" }, "doctor_will_review"],
    ["recentCount 2", { recentCount: 2 }, "doctor_will_review"],
    ["duration 15", { durationMinutes: 15 }, "doctor_will_review"],
    ["hand moderate", { handImpact: "moderate" }, "doctor_will_review"],
    ["walking moderate", { walkingImpact: "moderate" }, "doctor_will_review"],
    // self_care: level routine
    ["isolated mild eased cramp", {}, "self_care"],
    ["pain 3", { painScore: 3 }, "self_care"],
    ["duration 14", { durationMinutes: 14 }, "self_care"],
    ["recentCount 1", { recentCount: 1 }, "self_care"],
    ["mild impacts", { handImpact: "mild", walkingImpact: "mild" }, "self_care"],
    ["non-serious condition", { conditions: ["diabetes"] }, "self_care"],
  ])("%s → %s", (_name, patch, expected) => {
    expect(advise(patch)).toBe(expected);
  });

  it("agrees with the level on every combination of the deciding inputs", () => {
    const flagSets: RedFlag[][] = [[], ["new_weakness"], ["breathing_or_swallowing"]];
    for (const painScore of [0, 3, 4, 7, 8, 10])
      for (const ongoing of [false, true])
        for (const recentCount of [1, 2, 3])
          for (const walkingImpact of IMPACT_LEVELS)
            for (const redFlags of flagSets) {
              const input: TriageInput = {
                ...base,
                painScore,
                ongoing,
                recentCount,
                walkingImpact,
                redFlags,
              };
              const { level } = triageReport(input);
              const emergency = redFlags.length > 0 || (ongoing && painScore >= 8);
              const byLevel: Record<TriageLevel, PatientAdvice> = {
                urgent: "see_doctor_24h",
                soon: "doctor_will_review",
                routine: "self_care",
              };
              const expected: PatientAdvice = emergency ? "emergency" : byLevel[level];
              expect(patientAdvice(input)).toBe(expected);
              if (emergency) expect(level).toBe("urgent");
            }
  });

  it("does not mutate its input", () => {
    const input: TriageInput = { ...base, redFlags: ["numbness"], conditions: ["organ_failure"] };
    const copy = structuredClone(input);
    patientAdvice(input);
    expect(input).toEqual(copy);
  });
});

describe("version 1 reports read as redFlags: []", () => {
  // A stored v1 report had no red-flag question; the version 1 rules are unchanged in version 2.
  const v1Shaped = (patch: Partial<TriageInput>) => {
    const { redFlags: _omitted, ...rest } = { ...base, ...patch };
    return rest as unknown as TriageInput;
  };
  it.each<[Partial<TriageInput>, TriageLevel, PatientAdvice]>([
    [{}, "routine", "self_care"],
    [{ painScore: 5 }, "soon", "doctor_will_review"],
    [{ recentCount: 3 }, "urgent", "see_doctor_24h"],
    [{ ongoing: true, durationMinutes: null, painScore: 9 }, "urgent", "emergency"],
  ])("%j gives the same result as with no red flag", (patch, level, advice) => {
    const withEmpty = triageReport({ ...base, ...patch, redFlags: [] });
    expect(triageReport(v1Shaped(patch))).toEqual(withEmpty);
    expect(withEmpty.level).toBe(level);
    expect(patientAdvice(v1Shaped(patch))).toBe(advice);
  });
});

describe("constants", () => {
  it("TRIAGE_REASONS is the table in order with levels", () => {
    expect(TRIAGE_REASONS).toEqual([
      { code: "RED_FLAG", level: "urgent" },
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
    expect(RED_FLAGS).toEqual(["new_weakness", "numbness", "breathing_or_swallowing"]);
    expect(PATIENT_ADVICE).toEqual(["emergency", "see_doctor_24h", "doctor_will_review", "self_care"]);
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
