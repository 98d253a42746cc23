// Codes a patient picks on a report or profile. Stored as codes; wording lives in the message catalogs.

export const BODY_SITES = [
  "face",
  "eyelid",
  "jaw",
  "neck",
  "shoulder",
  "upper_arm",
  "forearm",
  "hand",
  "chest",
  "abdomen",
  "upper_back",
  "lower_back",
  "hip",
  "thigh",
  "knee",
  "calf",
  "foot",
] as const;
export type BodySite = (typeof BODY_SITES)[number];

/** Sites on the body's midline have no left or right. */
export const MIDLINE_SITES: readonly BodySite[] = [
  "neck",
  "chest",
  "abdomen",
  "upper_back",
  "lower_back",
  "jaw",
];

export const SIDES = ["left", "right", "both", "midline"] as const;
export type Side = (typeof SIDES)[number];

export const TRIGGERS = [
  "exercise_fatigue",
  "stress",
  "heat_dehydration",
  "new_medicine",
  "injury",
  "unknown",
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Background conditions: the four serious ones of triage.md, then common ones. */
export const CONDITIONS = [
  "organ_failure",
  "degenerative_neuro",
  "spinal_cord_injury",
  "toxin_exposure",
  "diabetes",
  "thyroid_disease",
  "pregnancy",
  "recent_surgery",
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const MEDICINES = ["diuretic", "statin"] as const;
export type Medicine = (typeof MEDICINES)[number];

export const SEXES = ["female", "male", "other", "undisclosed"] as const;
export type Sex = (typeof SEXES)[number];

/** A report is never edited: it stays active or is withdrawn by the patient (kept, marked, with a reason). */
export const REPORT_STATUSES = ["active", "withdrawn"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
