import type { PlanItemKind } from "@/lib/domain/plans";
import type { PlanItemFormValues } from "@/lib/validations/plan";

/** An empty row of each kind, as the editor adds it. */
export function newPlanItem(kind: PlanItemKind): PlanItemFormValues {
  const base = { id: null, instructions: "" };
  switch (kind) {
    case "treat_underlying_cause":
      return { ...base, kind, suspectedCauseId: "" };
    case "medication":
      return {
        ...base,
        kind,
        medicationName: "",
        dose: "",
        route: "oral",
        schedule: "",
        startOn: "",
        stopOn: "",
      };
    case "injection":
      return {
        ...base,
        kind,
        product: "",
        totalUnits: Number.NaN,
        dilution: "",
        sites: [{ muscle: "", side: "left", units: Number.NaN }],
        unitsNote: "",
        guidance: "emg",
        lot: "",
        scheduledOn: "",
        nextReviewOn: "",
      };
    case "neurology_referral":
      return { ...base, kind, urgency: "routine", reason: "", suspectedCauseId: null };
    case "follow_up":
      return { ...base, kind, followUpOn: "" };
    default:
      return { ...base, kind };
  }
}
