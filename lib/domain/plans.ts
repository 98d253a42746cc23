// Treatment plans: item kinds, lifecycles and the injection interval rule. Pure: no I/O, no framework imports.

export const PLAN_STATUSES = ["draft", "published", "superseded"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_ITEM_KINDS = [
  "stretching_massage",
  "hydration_electrolytes",
  "rest_stress",
  "treat_underlying_cause",
  "medication",
  "injection",
  "neurology_referral",
  "follow_up",
] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export const MEDICATION_ROUTES = [
  "oral",
  "topical",
  "intramuscular",
  "intravenous",
  "subcutaneous",
  "other",
] as const;
export type MedicationRoute = (typeof MEDICATION_ROUTES)[number];

export const INJECTION_GUIDANCE = ["emg", "ultrasound", "none"] as const;
export type InjectionGuidance = (typeof INJECTION_GUIDANCE)[number];

export const INJECTION_STATUSES = ["planned", "given", "cancelled"] as const;
export type InjectionStatus = (typeof INJECTION_STATUSES)[number];

export const REFERRAL_URGENCIES = ["routine", "soon", "urgent"] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** requested → sent → scheduled → seen, or declined at any step before seen. */
export const REFERRAL_STATUSES = ["requested", "sent", "scheduled", "seen", "declined"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const REFERRAL_NEXT: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  requested: ["sent", "declined"],
  sent: ["scheduled", "declined"],
  scheduled: ["seen", "declined"],
  seen: [],
  declined: [],
};

export function nextReferralStatuses(status: ReferralStatus): readonly ReferralStatus[] {
  return REFERRAL_NEXT[status];
}

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_NEXT[from].includes(to);
}

/** Botulinum toxin is usually not repeated sooner than 12 weeks after the previous injection. */
export const MIN_INJECTION_INTERVAL_WEEKS = 12;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two ISO dates (yyyy-mm-dd), computed in UTC so daylight saving cannot shift them. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

/** True when `nextIso` comes less than 12 weeks (84 days) after `lastIso`: the editor warns, it does not block. */
export function injectionTooSoon(lastIso: string | null, nextIso: string | null): boolean {
  if (!lastIso || !nextIso) return false;
  const days = daysBetween(lastIso, nextIso);
  return Number.isFinite(days) && days >= 0 && days < MIN_INJECTION_INTERVAL_WEEKS * 7;
}
