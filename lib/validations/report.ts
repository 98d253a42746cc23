import { z } from "zod";
import { BODY_SITES, CONDITIONS, SIDES, TRIGGERS } from "@/lib/domain/report-fields";
import { IMPACT_LEVELS, PATTERN_OPTIONS, RED_FLAGS, RELIEF_OPTIONS } from "@/lib/domain/triage";
import { safeText, toFieldErrors, type FieldErrors, type FormState } from "./common";
import {
  CLOCK_SKEW_MS,
  MAX_DURATION_MINUTES,
  MAX_NOTES_LENGTH,
  MAX_REPORT_AGE_MS,
  MAX_SITES,
  RED_FLAG_ANSWERS,
  RED_FLAG_NONE,
  isMidlineSite,
  type ReportField,
} from "./report-limits";

export * from "./report-limits";

const siteSchema = z
  .object({
    site: z.enum(BODY_SITES, { error: "site_invalid" }),
    side: z.enum(SIDES, { error: "side_required" }),
  })
  // Midline sites have no left or right; the other sites need one.
  .refine((s) => (s.side === "midline") === isMidlineSite(s.site), { error: "side_required" });

const startedAtSchema = z
  .string({ error: "required" })
  .min(1, { error: "required" })
  .pipe(z.iso.datetime({ offset: true, error: "start_invalid" }))
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() <= Date.now() + CLOCK_SKEW_MS, { error: "start_in_future" })
  .refine((d) => d.getTime() >= Date.now() - MAX_REPORT_AGE_MS, { error: "start_too_old" });

const intIn = (min: number, max: number, code: string) =>
  z.number({ error: code }).int({ error: code }).min(min, { error: code }).max(max, { error: code });

/** Picked from a list: unique values, in the list's order. */
const subsetOf = <T extends readonly [string, ...string[]]>(values: T, code: string) =>
  z
    .array(z.enum(values, { error: code }), { error: code })
    .max(values.length, { error: code })
    .optional()
    .transform((picked = []) => values.filter((v) => picked.includes(v)));

/** Required: at least one answer, and "none of these" cannot go with a flag. Output: the flags, canonical order. */
const redFlagsSchema = z
  .array(z.enum(RED_FLAG_ANSWERS, { error: "invalid" }), { error: "red_flags_required" })
  .min(1, { error: "red_flags_required" })
  .max(RED_FLAG_ANSWERS.length, { error: "invalid" })
  .refine((a) => !a.includes(RED_FLAG_NONE) || a.every((v) => v === RED_FLAG_NONE), {
    error: "red_flags_conflict",
  })
  .transform((a) => RED_FLAGS.filter((f) => a.includes(f)));

export const reportSchema = z
  .object({
    startedAt: startedAtSchema,
    ongoing: z.boolean({ error: "ongoing_required" }),
    durationMinutes: intIn(1, MAX_DURATION_MINUTES, "duration_range")
      .nullish()
      .transform((d) => d ?? null),
    painScore: z
      .number({ error: "pain_required" })
      .int({ error: "pain_range" })
      .min(0, { error: "pain_range" })
      .max(10, {
        error: "pain_range",
      }),
    redFlags: redFlagsSchema,
    relief: z.enum(RELIEF_OPTIONS, { error: "choose_one" }),
    pattern: z.enum(PATTERN_OPTIONS, { error: "choose_one" }),
    handImpact: z.enum(IMPACT_LEVELS, { error: "choose_one" }),
    walkingImpact: z.enum(IMPACT_LEVELS, { error: "choose_one" }),
    sites: z
      .array(siteSchema, { error: "site_required" })
      .min(1, { error: "site_required" })
      .max(MAX_SITES, { error: "sites_too_many" })
      .refine((sites) => new Set(sites.map((s) => s.site)).size === sites.length, {
        error: "site_duplicate",
      }),
    triggers: subsetOf(TRIGGERS, "invalid"),
    conditions: subsetOf(CONDITIONS, "invalid"),
    notes: safeText()
      .trim()
      .max(MAX_NOTES_LENGTH, { error: "notes_too_long" })
      .optional()
      .transform((s) => (s ? s : null)),
  })
  .refine((r) => r.ongoing || r.durationMinutes !== null, {
    path: ["durationMinutes"],
    error: "duration_required",
    // Runs beside the other fields' errors (so the form shows them all at once), once both inputs are well-typed.
    // A payload that is not even an object (an issue at the root) gets that issue alone.
    when: (payload) =>
      !payload.issues.some(
        (i) => !i.path?.length || i.path[0] === "ongoing" || i.path[0] === "durationMinutes",
      ),
  });

/** What the form and the action hand to the schema (before parsing). */
export type ReportRaw = z.input<typeof reportSchema>;
/** What the DAL receives. */
export type ReportInput = z.output<typeof reportSchema>;
/** The report form's state: the stored report's id (the form then opens its result page), or what was refused. */
export type ReportFormState =
  { ok: true; id: string } | Exclude<FormState<ReportField>, { ok: true } | null> | null;

/** The report form's idempotency key (a UUID the browser picks when the form opens), hidden field `idempotencyKey`. */
export const idempotencyKeySchema = z.uuid({ error: "invalid" }).optional();

/** Runs the shared schema and returns field errors as message codes (empty when valid). */
export function validateReport(raw: unknown): FieldErrors<ReportField> {
  const parsed = reportSchema.safeParse(raw);
  return parsed.success ? {} : (toFieldErrors(parsed.error) as FieldErrors<ReportField>);
}

function text(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/** "" → null (not given), anything else → a number (NaN for junk, which the schema refuses). */
function numberOrNull(value: string): number | null {
  return value.trim() === "" ? null : Number(value);
}

function parseSites(json: string): unknown {
  if (json === "") return [];
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null; // refused by the schema as site_required
  }
}

/**
 * FormData from the report form → the raw object for `reportSchema`. Sites arrive as JSON in one hidden
 * input; triggers and conditions as repeated fields. Types are left for the schema to judge.
 */
export function reportFormDataToRaw(formData: FormData): Record<ReportField, unknown> {
  const ongoing = text(formData, "ongoing");
  const ongoingValue = ongoing === "true" ? true : ongoing === "false" ? false : null;
  return {
    startedAt: text(formData, "startedAt"),
    ongoing: ongoingValue,
    durationMinutes: numberOrNull(text(formData, "durationMinutes")),
    painScore: numberOrNull(text(formData, "painScore")) ?? undefined,
    redFlags: formData.getAll("redFlags").filter((v) => typeof v === "string"),
    relief: text(formData, "relief") || undefined,
    pattern: text(formData, "pattern") || undefined,
    handImpact: text(formData, "handImpact") || undefined,
    walkingImpact: text(formData, "walkingImpact") || undefined,
    sites: parseSites(text(formData, "sites")),
    triggers: formData.getAll("triggers").filter((v) => typeof v === "string"),
    conditions: formData.getAll("conditions").filter((v) => typeof v === "string"),
    notes: text(formData, "notes"),
  };
}
