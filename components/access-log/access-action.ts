// Audit action codes ("report.read") → a key under access.actions in the catalogs. Pure, so it can be unit-tested.

export type AccessActionKey =
  | "viewedRecord"
  | "viewedReports"
  | "exportedReports"
  | "viewedProfile"
  | "updatedProfile"
  | "viewedCare"
  | "viewedEvaluations"
  | "recordedEvaluation"
  | "updatedCauses"
  | "viewedPlan"
  | "changedPlan"
  | "updatedReferral"
  | "updatedInjection"
  | "createdAccount"
  | "updatedAccount"
  | "changedDoctor"
  | "breakGlass"
  | "accessedRecord";

const EXACT: Record<string, AccessActionKey> = {
  "report.export": "exportedReports",
  "account.create": "createdAccount",
  "patient.assign": "changedDoctor",
  "assignment.update": "changedDoctor",
  "case.claim": "changedDoctor",
};

const READ_VERBS = new Set(["read", "list", "view", "open"]);

// Per entity: [what a read means, what a change means].
const BY_ENTITY: Record<string, [AccessActionKey, AccessActionKey]> = {
  report: ["viewedReports", "viewedReports"],
  case: ["viewedRecord", "viewedRecord"],
  patient: ["viewedRecord", "viewedRecord"],
  timeline: ["viewedRecord", "viewedRecord"],
  profile: ["viewedProfile", "updatedProfile"],
  care: ["viewedCare", "viewedCare"],
  evaluation: ["viewedEvaluations", "recordedEvaluation"],
  cause: ["viewedEvaluations", "updatedCauses"],
  plan: ["viewedPlan", "changedPlan"],
  referral: ["viewedCare", "updatedReferral"],
  injection: ["viewedCare", "updatedInjection"],
  account: ["viewedProfile", "updatedAccount"],
};

export function accessActionKey(action: string): AccessActionKey {
  if (action.includes("break_glass")) return "breakGlass";
  const exact = EXACT[action];
  if (exact) return exact;
  const [entity, verb = ""] = action.split(".");
  const pair = BY_ENTITY[entity];
  if (!pair) return "accessedRecord";
  return READ_VERBS.has(verb) ? pair[0] : pair[1];
}
