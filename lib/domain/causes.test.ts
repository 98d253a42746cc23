import { describe, it, expect } from "vitest";
import { suggestCauses, CAUSES, type CauseInput, type CauseSuggestion } from "./causes";
import { triageReport } from "./triage";

const base: CauseInput = {
  triggers: [],
  relief: "not_tried",
  pattern: "single_cramp",
  reasons: [],
  bodySiteCount: 1,
  conditions: [],
  redFlags: [],
  medicines: [],
};
const run = (patch: Partial<CauseInput>) => suggestCauses({ ...base, ...patch });
const find = (out: CauseSuggestion[], cause: CauseSuggestion["cause"]) => out.find((s) => s.cause === cause);

describe("suggestCauses", () => {
  it("suggests nothing without facts", () => {
    expect(run({})).toEqual([]);
    expect(run({ triggers: ["unknown"], conditions: ["diabetes"], medicines: ["statin"] })).toEqual([]);
  });

  it.each<[string, Partial<CauseInput>, CauseSuggestion["cause"], string[]]>([
    [
      "heat/dehydration trigger",
      { triggers: ["heat_dehydration"] },
      "electrolyte_imbalance",
      ["trigger_heat_dehydration"],
    ],
    ["heavy sweating", { heavySweating: true }, "electrolyte_imbalance", ["heavy_sweating"]],
    ["diuretic", { medicines: ["diuretic"] }, "electrolyte_imbalance", ["diuretic_use"]],
    ["diuretic, loose spelling", { medicines: [" Diuretic "] }, "electrolyte_imbalance", ["diuretic_use"]],
    [
      "exercise/fatigue trigger",
      { triggers: ["exercise_fatigue"] },
      "fatigue_overuse",
      ["trigger_exercise_fatigue"],
    ],
    ["relief by stretching", { relief: "stretching_helped" }, "fatigue_overuse", ["relief_stretching"]],
    ["stress trigger", { triggers: ["stress"] }, "stress", ["trigger_stress"]],
    ["injury trigger", { triggers: ["injury"] }, "muscle_injury", ["trigger_injury"]],
    ["recent injury same site", { recentInjurySameSite: true }, "muscle_injury", ["recent_injury_same_site"]],
    [
      "new medicine trigger",
      { triggers: ["new_medicine"] },
      "medication_side_effect",
      ["trigger_new_medicine"],
    ],
    [
      "repeated twitching",
      { pattern: "repeated_twitching" },
      "neurological_disorder",
      ["pattern_repeated_twitching"],
    ],
    ["nothing helped", { relief: "nothing_helped" }, "neurological_disorder", ["relief_nothing_helped"]],
    ["RECURRING", { reasons: ["RECURRING"] }, "neurological_disorder", ["reason_recurring"]],
    ["several body sites", { bodySiteCount: 2 }, "neurological_disorder", ["multiple_body_sites"]],
    [
      "new weakness red flag",
      { redFlags: ["new_weakness"] },
      "neurological_disorder",
      ["red_flag_new_weakness"],
    ],
    ["numbness red flag", { redFlags: ["numbness"] }, "neurological_disorder", ["red_flag_numbness"]],
    [
      "breathing or swallowing red flag",
      { redFlags: ["breathing_or_swallowing"] },
      "serious_cause",
      ["red_flag_breathing_or_swallowing"],
    ],
  ])("%s → %s", (_name, patch, cause, facts) => {
    const out = run(patch);
    expect(out.map((s) => s.cause)).toEqual([cause]);
    expect(out[0]?.facts).toEqual(facts);
  });

  it("electrolyte suggestion carries the full work-up", () => {
    const s = find(
      run({ triggers: ["heat_dehydration"], heavySweating: true, medicines: ["diuretic"] }),
      "electrolyte_imbalance",
    );
    expect(s?.facts).toEqual(["trigger_heat_dehydration", "heavy_sweating", "diuretic_use"]);
    expect(s?.workUp).toEqual(["sodium", "potassium", "calcium", "magnesium", "renal_function"]);
  });

  it("false booleans and single site do not fire", () => {
    expect(run({ heavySweating: false, recentInjurySameSite: false, bodySiteCount: 1 })).toEqual([]);
    expect(run({ relief: "massage_helped", pattern: "unsure" })).toEqual([]);
  });

  it("neurological disorder suggests neurology referral and lists known neuro conditions", () => {
    const s = find(run({ conditions: ["degenerative_neuro"] }), "neurological_disorder");
    expect(s?.suggestNeurologyReferral).toBe(true);
    expect(s?.facts).toEqual(["condition_degenerative_neuro"]);
    const t = find(
      run({
        pattern: "repeated_twitching",
        relief: "nothing_helped",
        reasons: ["RECURRING"],
        bodySiteCount: 3,
        conditions: ["spinal_cord_injury"],
      }),
      "neurological_disorder",
    );
    expect(t?.facts).toEqual([
      "pattern_repeated_twitching",
      "relief_nothing_helped",
      "reason_recurring",
      "multiple_body_sites",
      "condition_spinal_cord_injury",
    ]);
  });

  it.each([
    ["organ_failure", false],
    ["degenerative_neuro", true],
    ["spinal_cord_injury", true],
    ["toxin_exposure", false],
  ] as const)("serious condition %s → serious_cause naming it (neuro: %s)", (condition, neuro) => {
    const out = run({ conditions: [condition], reasons: ["SERIOUS_CONDITION"] });
    const s = find(out, "serious_cause");
    expect(s?.suggestUrgentReview).toBe(true);
    expect(s?.seriousConditions).toEqual([condition]);
    expect(s?.facts).toEqual(["reason_serious_condition", `condition_${condition}`]);
    expect(find(out, "neurological_disorder") !== undefined).toBe(neuro);
  });

  it("red flags: weakness/numbness → neurology referral, breathing/swallowing → urgent review", () => {
    const out = run({ redFlags: ["breathing_or_swallowing", "numbness", "new_weakness"] });
    expect(out.map((s) => s.cause)).toEqual(["neurological_disorder", "serious_cause"]);
    const neuro = find(out, "neurological_disorder");
    expect(neuro?.facts).toEqual(["red_flag_new_weakness", "red_flag_numbness"]);
    expect(neuro?.suggestNeurologyReferral).toBe(true);
    const serious = find(out, "serious_cause");
    expect(serious?.facts).toEqual(["red_flag_breathing_or_swallowing"]);
    expect(serious?.suggestUrgentReview).toBe(true);
    expect(serious?.seriousConditions).toEqual([]);
  });

  it("red flags come after the other facts of their cause", () => {
    const out = run({
      pattern: "repeated_twitching",
      conditions: ["degenerative_neuro", "organ_failure"],
      reasons: ["RED_FLAG", "SERIOUS_CONDITION"],
      redFlags: ["numbness", "breathing_or_swallowing"],
    });
    expect(find(out, "neurological_disorder")?.facts).toEqual([
      "pattern_repeated_twitching",
      "condition_degenerative_neuro",
      "red_flag_numbness",
    ]);
    expect(find(out, "serious_cause")?.facts).toEqual([
      "reason_serious_condition",
      "condition_organ_failure",
      "condition_degenerative_neuro",
      "red_flag_breathing_or_swallowing",
    ]);
    expect(find(out, "serious_cause")?.seriousConditions).toEqual(["organ_failure", "degenerative_neuro"]);
  });

  it("the RED_FLAG reason alone, without the flags, suggests nothing", () => {
    expect(run({ reasons: ["RED_FLAG"] })).toEqual([]);
  });

  it("non-serious condition gives no serious cause", () => {
    expect(find(run({ conditions: ["diabetes"] }), "serious_cause")).toBeUndefined();
  });

  it("names several serious conditions in canonical order", () => {
    const s = find(run({ conditions: ["toxin_exposure", "diabetes", "organ_failure"] }), "serious_cause");
    expect(s?.seriousConditions).toEqual(["organ_failure", "toxin_exposure"]);
  });

  it("output follows CAUSES order and works from a triage result", () => {
    const triage = triageReport({
      painScore: 9,
      ongoing: false,
      durationMinutes: 20,
      relief: "nothing_helped",
      pattern: "repeated_twitching",
      handImpact: "none",
      walkingImpact: "none",
      conditions: ["organ_failure"],
      recentCount: 3,
      redFlags: [],
    });
    const out = run({
      triggers: ["heat_dehydration", "exercise_fatigue", "stress", "injury", "new_medicine"],
      relief: "nothing_helped",
      pattern: "repeated_twitching",
      reasons: triage.reasons,
      conditions: ["organ_failure"],
    });
    expect(out.map((s) => s.cause)).toEqual(CAUSES);
    expect(find(out, "serious_cause")?.seriousConditions).toEqual(["organ_failure"]);
    expect(find(out, "neurological_disorder")?.facts).toContain("reason_recurring");
  });
});
