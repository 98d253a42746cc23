// Triage rules, version 2 — see /work/shared/clinical/triage.md.
// Pure: no I/O, no framework imports. Unit-tested rule by rule in triage.test.ts.

export type Impact = "none" | "mild" | "moderate" | "severe";
export type RedFlag = "new_weakness" | "numbness" | "breathing_or_swallowing";
export type TriageInput = {
  painScore: number;
  ongoing: boolean;
  durationMinutes: number | null;
  relief: "stretching_helped" | "massage_helped" | "nothing_helped" | "not_tried";
  pattern: "single_cramp" | "repeated_twitching" | "unsure";
  handImpact: Impact;
  walkingImpact: Impact;
  conditions: string[];
  recentCount: number;
  redFlags: RedFlag[];
};

export type TriageLevel = "urgent" | "soon" | "routine";
export type Relief = TriageInput["relief"];
export type Pattern = TriageInput["pattern"];

export const TRIAGE_RULES_VERSION = 2 as const;

/** Answers to "new since it started?"; an empty list is the explicit "none of these". */
export const RED_FLAGS = [
  "new_weakness",
  "numbness",
  "breathing_or_swallowing",
] as const satisfies readonly RedFlag[];

export const IMPACT_LEVELS = ["none", "mild", "moderate", "severe"] as const satisfies readonly Impact[];
export const RELIEF_OPTIONS = [
  "stretching_helped",
  "massage_helped",
  "nothing_helped",
  "not_tried",
] as const satisfies readonly Relief[];
export const PATTERN_OPTIONS = [
  "single_cramp",
  "repeated_twitching",
  "unsure",
] as const satisfies readonly Pattern[];
export const TRIAGE_LEVELS = ["urgent", "soon", "routine"] as const satisfies readonly TriageLevel[];

export const SERIOUS_CONDITIONS = [
  "organ_failure",
  "degenerative_neuro",
  "spinal_cord_injury",
  "toxin_exposure",
] as const;
export type SeriousCondition = (typeof SERIOUS_CONDITIONS)[number];

export function isSeriousCondition(condition: string): condition is SeriousCondition {
  return (SERIOUS_CONDITIONS as readonly string[]).includes(condition);
}

/** The rule table, in the table's order (this is also the order of `reasons`). */
export const TRIAGE_REASONS = [
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
] as const satisfies readonly { code: string; level: Exclude<TriageLevel, "routine"> }[];

export type TriageReason = (typeof TRIAGE_REASONS)[number]["code"];

export type TriageResult = {
  level: TriageLevel;
  reasons: TriageReason[];
  rulesVersion: typeof TRIAGE_RULES_VERSION;
};

export const LEVEL_RANK: Readonly<Record<TriageLevel, number>> = { urgent: 2, soon: 1, routine: 0 };

// A caller still shaped like version 1 (no redFlags) reads as "none of these", as stored v1 reports do.
function hasRedFlag(i: TriageInput): boolean {
  return Array.isArray(i.redFlags) && i.redFlags.length > 0;
}

const RULES: Readonly<Record<TriageReason, (i: TriageInput) => boolean>> = {
  RED_FLAG: (i) => hasRedFlag(i),
  EXTREME_PAIN: (i) => i.painScore >= 8,
  NOT_STOPPING: (i) => i.ongoing === true,
  RECURRING: (i) => i.recentCount >= 3,
  SERIOUS_CONDITION: (i) => i.conditions.some(isSeriousCondition),
  SEVERE_FUNCTION_LOSS: (i) => i.handImpact === "severe" || i.walkingImpact === "severe",
  // 4 <= painScore <= 7 on the integer scale; written as < 8 so no non-integer value can fall between rules.
  PAINFUL: (i) => i.painScore >= 4 && i.painScore < 8,
  NOT_RELIEVED: (i) => i.relief === "nothing_helped" || i.pattern === "repeated_twitching",
  REPEATED: (i) => i.recentCount === 2,
  // durationMinutes of an ongoing episode (time so far) feeds no rule.
  LONG_EPISODE: (i) =>
    !i.ongoing && i.durationMinutes !== null && Number.isFinite(i.durationMinutes) && i.durationMinutes >= 15,
  FUNCTION_AFFECTED: (i) => i.handImpact === "moderate" || i.walkingImpact === "moderate",
};

export function triageReport(input: TriageInput): TriageResult {
  const reasons: TriageReason[] = [];
  let level: TriageLevel = "routine";
  for (const rule of TRIAGE_REASONS) {
    if (RULES[rule.code](input)) {
      reasons.push(rule.code);
      if (LEVEL_RANK[rule.level] > LEVEL_RANK[level]) level = rule.level;
    }
  }
  return { level, reasons, rulesVersion: TRIAGE_RULES_VERSION };
}

export type PatientAdvice = "emergency" | "see_doctor_24h" | "doctor_will_review" | "self_care";
export const PATIENT_ADVICE = [
  "emergency",
  "see_doctor_24h",
  "doctor_will_review",
  "self_care",
] as const satisfies readonly PatientAdvice[];

/** What the patient is told; the first line of triage.md's advice table that holds decides. */
export function patientAdvice(input: TriageInput): PatientAdvice {
  if (hasRedFlag(input) || (input.ongoing === true && input.painScore >= 8)) return "emergency";
  const { level } = triageReport(input);
  if (level === "urgent") return "see_doctor_24h";
  if (level === "soon") return "doctor_will_review";
  return "self_care";
}

export const RECENT_WINDOW_DAYS = 30;
const RECENT_WINDOW_MS = RECENT_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/**
 * recentCount for an episode starting at `thisStart`. `earlierStarts` are the starts of the patient's OTHER
 * episodes (exclude this one); invalid dates are ignored.
 */
export function countRecent(thisStart: Date, earlierStarts: readonly Date[]): number {
  const end = thisStart.getTime();
  const windowStart = end - RECENT_WINDOW_MS;
  // Window is closed on both ends: thisStart-30*24h <= start <= thisStart (exactly 30 days counts, identical start counts, later starts do not).
  let count = 1;
  for (const d of earlierStarts) {
    const t = d.getTime();
    if (Number.isFinite(t) && t >= windowStart && t <= end) count += 1;
  }
  return count;
}

export type QueueEntry = { level: TriageLevel; reasonCount: number; since: Date };

/** Doctor's queue order: urgent first, then more reasons first, then oldest `since` first. Use with Array.sort. */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  const byLevel = LEVEL_RANK[b.level] - LEVEL_RANK[a.level];
  if (byLevel !== 0) return byLevel;
  const byReasons = b.reasonCount - a.reasonCount;
  if (byReasons !== 0) return byReasons;
  const bySince = a.since.getTime() - b.since.getTime();
  return Number.isNaN(bySince) ? 0 : bySince;
}
