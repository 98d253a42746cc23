// Suggested causes and work-up (decision support, shown to doctors only) — see triage.md.
// Pure: no I/O, no framework imports. The doctor, not the software, decides; each suggestion names its facts.

import {
  SERIOUS_CONDITIONS,
  type Pattern,
  type RedFlag,
  type Relief,
  type SeriousCondition,
  type TriageReason,
} from "./triage";

export { TRIGGERS, type Trigger } from "./report-fields";
import type { Trigger } from "./report-fields";

export const CAUSES = [
  "electrolyte_imbalance",
  "fatigue_overuse",
  "stress",
  "muscle_injury",
  "medication_side_effect",
  "neurological_disorder",
  "serious_cause",
] as const;
export type Cause = (typeof CAUSES)[number];

/** What a doctor records against each suggestion. */
export const CAUSE_STATUSES = ["confirmed", "ruled_out", "under_investigation"] as const;
export type CauseStatus = (typeof CAUSE_STATUSES)[number];

export const WORK_UP_CODES = ["sodium", "potassium", "calcium", "magnesium", "renal_function"] as const;
export type WorkUpCode = (typeof WORK_UP_CODES)[number];
export const ELECTROLYTE_WORK_UP: readonly WorkUpCode[] = WORK_UP_CODES;

/** Known neurological conditions (feed the neurological_disorder suggestion). */
export const NEURO_CONDITIONS = ["degenerative_neuro", "spinal_cord_injury"] as const;
export type NeuroCondition = (typeof NEURO_CONDITIONS)[number];

export const DIURETIC = "diuretic";

/** Red flags that point to a neurological disorder; trouble breathing or swallowing points to a serious cause. */
export const NEURO_RED_FLAGS = ["new_weakness", "numbness"] as const satisfies readonly RedFlag[];
export type NeuroRedFlag = (typeof NEURO_RED_FLAGS)[number];

export type CauseFact =
  | "trigger_heat_dehydration"
  | "heavy_sweating"
  | "diuretic_use"
  | "trigger_exercise_fatigue"
  | "relief_stretching"
  | "trigger_stress"
  | "trigger_injury"
  | "recent_injury_same_site"
  | "trigger_new_medicine"
  | "pattern_repeated_twitching"
  | "relief_nothing_helped"
  | "reason_recurring"
  | "multiple_body_sites"
  | `condition_${NeuroCondition}`
  | `red_flag_${NeuroRedFlag}`
  | "reason_serious_condition"
  | `condition_${SeriousCondition}`
  | "red_flag_breathing_or_swallowing";

export type CauseInput = {
  triggers: readonly Trigger[];
  relief: Relief;
  pattern: Pattern;
  reasons: readonly TriageReason[];
  /** Number of body sites on the report; 2 or more = several sites. */
  bodySiteCount: number;
  conditions: readonly string[];
  /** The report's red flags (a version 1 report has none). */
  redFlags: readonly RedFlag[];
  /** Medicine classes, e.g. 'diuretic' (compared trimmed, case-insensitive). */
  medicines: readonly string[];
  recentInjurySameSite?: boolean;
  heavySweating?: boolean;
};

export type CauseSuggestion = {
  cause: Cause;
  facts: CauseFact[];
  workUp: WorkUpCode[];
  suggestNeurologyReferral?: boolean;
  suggestUrgentReview?: boolean;
  seriousConditions?: SeriousCondition[];
};

/**
 * Suggestions in CAUSES order; a cause appears when at least one of its facts holds
 * (any one fact suffices). Facts are listed in the spec's order.
 */
export function suggestCauses(input: CauseInput): CauseSuggestion[] {
  const has = (t: Trigger): boolean => input.triggers.includes(t);
  const out: CauseSuggestion[] = [];
  const push = (s: CauseSuggestion): void => {
    if (s.facts.length > 0) out.push(s);
  };

  // Electrolyte imbalance / dehydration.
  const electrolyte: CauseFact[] = [];
  if (has("heat_dehydration")) electrolyte.push("trigger_heat_dehydration");
  if (input.heavySweating === true) electrolyte.push("heavy_sweating");
  if (input.medicines.some((m) => m.trim().toLowerCase() === DIURETIC)) electrolyte.push("diuretic_use");
  push({ cause: "electrolyte_imbalance", facts: electrolyte, workUp: [...ELECTROLYTE_WORK_UP] });

  // Fatigue / overuse.
  const fatigue: CauseFact[] = [];
  if (has("exercise_fatigue")) fatigue.push("trigger_exercise_fatigue");
  if (input.relief === "stretching_helped") fatigue.push("relief_stretching");
  push({ cause: "fatigue_overuse", facts: fatigue, workUp: [] });

  // Stress.
  push({ cause: "stress", facts: has("stress") ? ["trigger_stress"] : [], workUp: [] });

  // Muscle injury.
  const injury: CauseFact[] = [];
  if (has("injury")) injury.push("trigger_injury");
  if (input.recentInjurySameSite === true) injury.push("recent_injury_same_site");
  push({ cause: "muscle_injury", facts: injury, workUp: [] });

  // Medication side effect.
  push({
    cause: "medication_side_effect",
    facts: has("new_medicine") ? ["trigger_new_medicine"] : [],
    workUp: [],
  });

  // Neurological disorder.
  const neuro: CauseFact[] = [];
  if (input.pattern === "repeated_twitching") neuro.push("pattern_repeated_twitching");
  if (input.relief === "nothing_helped") neuro.push("relief_nothing_helped");
  if (input.reasons.includes("RECURRING")) neuro.push("reason_recurring");
  if (input.bodySiteCount >= 2) neuro.push("multiple_body_sites");
  for (const c of NEURO_CONDITIONS) if (input.conditions.includes(c)) neuro.push(`condition_${c}`);
  for (const f of NEURO_RED_FLAGS) if (input.redFlags.includes(f)) neuro.push(`red_flag_${f}`);
  push({ cause: "neurological_disorder", facts: neuro, workUp: [], suggestNeurologyReferral: true });

  // Serious systemic or neurological cause.
  const serious = SERIOUS_CONDITIONS.filter((c) => input.conditions.includes(c));
  const seriousFacts: CauseFact[] = [];
  if (input.reasons.includes("SERIOUS_CONDITION")) seriousFacts.push("reason_serious_condition");
  for (const c of serious) seriousFacts.push(`condition_${c}`);
  if (input.redFlags.includes("breathing_or_swallowing"))
    seriousFacts.push("red_flag_breathing_or_swallowing");
  push({
    cause: "serious_cause",
    facts: seriousFacts,
    workUp: [],
    suggestUrgentReview: true,
    seriousConditions: serious,
  });

  return out;
}
