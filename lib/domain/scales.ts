// Clinical scales the portal records — see /work/shared/clinical/scales.md.
// Store the code, show the wording. Pure: no I/O, no framework imports.

import { IMPACT_LEVELS, type Impact } from "./triage";

export type ScaleItem<C extends string | number> = {
  readonly code: C;
  readonly en: string;
  readonly fr: string;
};

// ---------------------------------------------------------------------------
// Pain — numeric rating scale (NRS-11): integer 0-10.
export const PAIN_MIN = 0;
export const PAIN_MAX = 10;
export const PAIN_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type PainScore = (typeof PAIN_SCORES)[number];
/** Wording of the scale's anchors (0 and 10). */
export const PAIN_ANCHORS = [
  { code: 0, en: "No pain", fr: "Aucune douleur" },
  { code: 10, en: "Worst pain imaginable", fr: "Pire douleur imaginable" },
] as const satisfies readonly ScaleItem<PainScore>[];

export function isValidPain(value: unknown): value is PainScore {
  return typeof value === "number" && Number.isInteger(value) && value >= PAIN_MIN && value <= PAIN_MAX;
}

// ---------------------------------------------------------------------------
// Penn Spasm Frequency Scale (PSFS), over the last month.
export const PSFS_FREQUENCY = [
  { code: 0, en: "No spasms", fr: "Aucun spasme" },
  { code: 1, en: "Mild spasms induced by stimulation", fr: "Spasmes légers provoqués par une stimulation" },
  {
    code: 2,
    en: "Infrequent full spasms, less than once an hour",
    fr: "Spasmes francs peu fréquents, moins d’une fois par heure",
  },
  { code: 3, en: "Spasms more often than once an hour", fr: "Spasmes plus d’une fois par heure" },
  { code: 4, en: "Spasms more than ten times an hour", fr: "Spasmes plus de dix fois par heure" },
] as const satisfies readonly ScaleItem<number>[];
export type PsfsFrequency = (typeof PSFS_FREQUENCY)[number]["code"];
export const PSFS_FREQUENCY_CODES = PSFS_FREQUENCY.map((i) => i.code) as readonly PsfsFrequency[];

/** Part 2 — asked only when frequency > 0. */
export const PSFS_SEVERITY = [
  { code: 1, en: "Mild", fr: "Légère" },
  { code: 2, en: "Moderate", fr: "Modérée" },
  { code: 3, en: "Severe", fr: "Sévère" },
] as const satisfies readonly ScaleItem<number>[];
export type PsfsSeverity = (typeof PSFS_SEVERITY)[number]["code"];
export const PSFS_SEVERITY_CODES = PSFS_SEVERITY.map((i) => i.code) as readonly PsfsSeverity[];

export function isPsfsFrequency(value: unknown): value is PsfsFrequency {
  return typeof value === "number" && (PSFS_FREQUENCY_CODES as readonly number[]).includes(value);
}
export function isPsfsSeverity(value: unknown): value is PsfsSeverity {
  return typeof value === "number" && (PSFS_SEVERITY_CODES as readonly number[]).includes(value);
}

/**
 * A PSFS record is valid when frequency is 0-4 and severity is null for frequency 0,
 * or 1-3 (required) for frequency > 0.
 */
export function isValidPsfs(frequency: number, severity: number | null): boolean {
  if (!isPsfsFrequency(frequency)) return false;
  if (frequency === 0) return severity === null;
  return isPsfsSeverity(severity);
}

// ---------------------------------------------------------------------------
// Modified Ashworth Scale (MAS), per muscle group and side. '1+' is its own value (never 1.5).
export const MAS_SCALE = [
  { code: "0", en: "No increase in muscle tone", fr: "Pas d’augmentation du tonus musculaire" },
  {
    code: "1",
    en: "Slight increase in muscle tone, a catch and release or minimal resistance at the end of the range of motion",
    fr: "Légère augmentation du tonus musculaire, avec un accrochage suivi d’un relâchement ou une résistance minime en fin d’amplitude",
  },
  {
    code: "1+",
    en: "Slight increase in muscle tone, a catch followed by minimal resistance through the rest (less than half) of the range of motion",
    fr: "Légère augmentation du tonus musculaire, avec un accrochage suivi d’une résistance minime sur le reste (moins de la moitié) de l’amplitude",
  },
  {
    code: "2",
    en: "More marked increase in muscle tone through most of the range of motion, but the affected part moves easily",
    fr: "Augmentation plus marquée du tonus musculaire sur la majeure partie de l’amplitude, mais le segment se mobilise facilement",
  },
  {
    code: "3",
    en: "Considerable increase in muscle tone, passive movement difficult",
    fr: "Augmentation importante du tonus musculaire, mobilisation passive difficile",
  },
  {
    code: "4",
    en: "Affected part rigid in flexion or extension",
    fr: "Segment atteint rigide en flexion ou en extension",
  },
] as const satisfies readonly ScaleItem<string>[];
export type MasValue = (typeof MAS_SCALE)[number]["code"];
export const MAS_VALUES = ["0", "1", "1+", "2", "3", "4"] as const satisfies readonly MasValue[];

export function isMasValue(value: unknown): value is MasValue {
  return typeof value === "string" && (MAS_VALUES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------
// Daily-function impact (hands, walking), per report. Codes are triage's IMPACT_LEVELS.
export { IMPACT_LEVELS };
export type { Impact };
export const FUNCTION_IMPACT = [
  { code: "none", en: "None", fr: "Aucune gêne" },
  { code: "mild", en: "Mild — noticeable, can do it", fr: "Légère — gêne perceptible, mais possible" },
  { code: "moderate", en: "Moderate — hard to do", fr: "Modérée — difficile à faire" },
  { code: "severe", en: "Severe — cannot do it", fr: "Sévère — impossible à faire" },
] as const satisfies readonly ScaleItem<Impact>[];

export function isImpact(value: unknown): value is Impact {
  return typeof value === "string" && (IMPACT_LEVELS as readonly string[]).includes(value);
}

export type Locale = "en" | "fr";
/** Wording for a stored code, or undefined when the code is not on the scale. */
export function scaleLabel<C extends string | number>(
  scale: readonly ScaleItem<C>[],
  code: C,
  locale: Locale,
): string | undefined {
  return scale.find((i) => i.code === code)?.[locale];
}
