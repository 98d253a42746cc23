// What a doctor records in an evaluation — vocabularies and lifecycle. Pure: no I/O, no framework imports.
// Scale codes (PSFS, MAS) live in scales.ts; this file holds what the evaluation form offers around them.

export const EVALUATION_STATUSES = ["draft", "signed"] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Common muscle groups for the Modified Ashworth rows; the form also accepts free entry. */
export const MUSCLE_GROUPS = [
  "elbow_flexors",
  "elbow_extensors",
  "wrist_flexors",
  "finger_flexors",
  "shoulder_adductors",
  "hip_adductors",
  "hip_flexors",
  "knee_flexors",
  "knee_extensors",
  "ankle_plantar_flexors",
] as const;
export type MuscleGroup = (typeof MUSCLE_GROUPS)[number];

export const LIMB_SIDES = ["left", "right"] as const;
export type LimbSide = (typeof LIMB_SIDES)[number];

/** Work-up a doctor may order (blood tests and others). */
export const WORK_UP_TESTS = [
  "sodium",
  "potassium",
  "calcium",
  "magnesium",
  "renal_function",
  "glucose_hba1c",
  "tsh",
  "liver_function",
  "ck",
  "other",
] as const;
export type WorkUpTest = (typeof WORK_UP_TESTS)[number];

export function isKnownMuscleGroup(value: string): value is MuscleGroup {
  return (MUSCLE_GROUPS as readonly string[]).includes(value);
}
