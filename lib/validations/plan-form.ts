// What the plan editor needs besides the schema (limits, the stored item as form values): the editor imports this,
// and loads lib/validations/plan (zod) only when it first validates (components/plan/form-fields.tsx).
import type { PlanItemView } from "@/lib/dto/plans";
import type { PlanItemInput } from "./plan";

export const PLAN_ITEMS_MAX = 40;
export const INJECTION_SITES_MAX = 30;
/** A botulinum toxin session rarely exceeds a few hundred units; above this is a typo, not a dose. */
export const INJECTION_UNITS_MAX = 1500;
export const PLAN_TEXT_MAX = 4000;

/** Units of all rows, or NaN while a row is still empty (so it never equals the total by accident). */
export function sitesTotal(sites: readonly { units: number }[]): number {
  return sites.reduce((sum, s) => sum + s.units, 0);
}

/** A stored item as the editor's form values (and what it posts back unchanged). */
export function planItemToInput(i: PlanItemView): PlanItemInput {
  const base = { id: i.id, instructions: i.instructions };
  switch (i.kind) {
    case "treat_underlying_cause":
      return { ...base, kind: i.kind, suspectedCauseId: i.suspectedCauseId ?? "" };
    case "medication":
      return {
        ...base,
        kind: i.kind,
        medicationName: i.medicationName ?? "",
        dose: i.dose ?? "",
        route: i.route ?? "oral",
        schedule: i.schedule ?? "",
        startOn: i.startOn ?? "",
        stopOn: i.stopOn ?? "",
      };
    case "injection": {
      const j = i.injection;
      return {
        ...base,
        kind: i.kind,
        product: j?.product ?? "",
        totalUnits: j?.totalUnits ?? Number.NaN,
        dilution: j?.dilution ?? "",
        sites: j?.sites ?? [],
        unitsNote: j?.unitsNote ?? "",
        guidance: j?.guidance ?? "none",
        lot: j?.lot ?? "",
        scheduledOn: j?.scheduledOn ?? "",
        nextReviewOn: j?.nextReviewOn ?? "",
      };
    }
    case "neurology_referral":
      return {
        ...base,
        kind: i.kind,
        urgency: i.referral?.urgency ?? "routine",
        reason: i.referral?.reason ?? "",
        suspectedCauseId: i.referral?.suspectedCauseId ?? i.suspectedCauseId,
      };
    case "follow_up":
      return { ...base, kind: i.kind, followUpOn: i.followUpOn ?? "" };
    default:
      return { ...base, kind: i.kind };
  }
}
