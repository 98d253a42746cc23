import { z } from "zod";
import "@/lib/zod-config";
import { LIMB_SIDES, MUSCLE_GROUPS, WORK_UP_TESTS } from "@/lib/domain/evaluation";
import { MAS_VALUES, PSFS_FREQUENCY_CODES, PSFS_SEVERITY_CODES } from "@/lib/domain/scales";

/** "other" in the muscle list: the doctor types the group in `otherGroup`. */
export const OTHER_MUSCLE = "other";
export const MAS_ROWS_MAX = 40;
const NOTES_MAX = 4000;

const text = (max: number) => z.string({ error: "invalid" }).trim().max(max, { error: "too_long" });
const oneOf = <T extends readonly number[]>(codes: T) =>
  z
    .number({ error: "required" })
    .int({ error: "invalid" })
    .refine((n) => codes.includes(n), { error: "invalid" });

export const masRowSchema = z
  .object({
    group: z.enum([...MUSCLE_GROUPS, OTHER_MUSCLE], { error: "required" }),
    otherGroup: text(80),
    side: z.enum(LIMB_SIDES, { error: "required" }),
    // '1+' is its own code, never 1.5: only the scale's string codes pass.
    score: z.enum(MAS_VALUES, { error: "required" }),
  })
  .superRefine((row, ctx) => {
    if (row.group === OTHER_MUSCLE && row.otherGroup.length === 0)
      ctx.addIssue({ code: "custom", path: ["otherGroup"], message: "mas_group_required" });
  });
export type MasRowInput = z.infer<typeof masRowSchema>;

/** The muscle group stored for a row: the list's code, or what the doctor typed. */
export function muscleGroupOf(row: Pick<MasRowInput, "group" | "otherGroup">): string {
  return row.group === OTHER_MUSCLE ? row.otherGroup.trim() : row.group;
}

const evaluationFields = z.object({
  patientId: z.uuid({ error: "invalid" }),
  /** The draft being edited; absent for a new one. */
  evaluationId: z.uuid({ error: "invalid" }).nullable(),
  psfsFrequency: oneOf(PSFS_FREQUENCY_CODES).nullable(),
  psfsSeverity: oneOf(PSFS_SEVERITY_CODES).nullable(),
  mas: z.array(masRowSchema).max(MAS_ROWS_MAX, { error: "too_many" }),
  examNotes: text(NOTES_MAX),
  workUpOrdered: z.array(z.enum(WORK_UP_TESTS, { error: "invalid" })).max(WORK_UP_TESTS.length),
  workUpNotes: text(2000),
});

type EvaluationFields = z.infer<typeof evaluationFields>;

/** Rules across fields (scales.md): severity only when frequency > 0, required then; one row per group and side. */
function checkEvaluation(v: EvaluationFields, ctx: z.RefinementCtx, signing: boolean) {
  if (signing && v.psfsFrequency === null)
    ctx.addIssue({ code: "custom", path: ["psfsFrequency"], message: "psfs_frequency_required" });
  if ((v.psfsFrequency === null || v.psfsFrequency === 0) && v.psfsSeverity !== null)
    ctx.addIssue({ code: "custom", path: ["psfsSeverity"], message: "psfs_severity_not_allowed" });
  if (v.psfsFrequency !== null && v.psfsFrequency > 0 && v.psfsSeverity === null)
    ctx.addIssue({ code: "custom", path: ["psfsSeverity"], message: "psfs_severity_required" });
  const seen = new Set<string>();
  v.mas.forEach((row, i) => {
    const key = `${muscleGroupOf(row).toLowerCase()}|${row.side}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["mas", i, "group"], message: "mas_duplicate" });
    seen.add(key);
  });
  if (new Set(v.workUpOrdered).size !== v.workUpOrdered.length)
    ctx.addIssue({ code: "custom", path: ["workUpOrdered"], message: "invalid" });
  if (v.workUpOrdered.includes("other") && v.workUpNotes.length === 0)
    ctx.addIssue({ code: "custom", path: ["workUpNotes"], message: "work_up_other_required" });
}

/** Saving a draft: everything may still be incomplete, but what is there must be coherent. */
export const evaluationDraftSchema = evaluationFields.superRefine((v, ctx) => checkEvaluation(v, ctx, false));
export type EvaluationDraftInput = z.infer<typeof evaluationDraftSchema>;
export type EvaluationFormValues = z.input<typeof evaluationDraftSchema>;

/**
 * Signing: the same form, PSFS required, plus the newest report the doctor saw (null when there is none) and the
 * form instance's idempotency key (a UUID the browser picks; the same key sent again gets the first signature).
 */
export const signEvaluationSchema = evaluationFields
  .extend({
    coversReportId: z.uuid({ error: "invalid" }).nullable(),
    idempotencyKey: z.uuid({ error: "invalid" }).optional(),
  })
  .superRefine((v, ctx) => checkEvaluation(v, ctx, true));
export type SignEvaluationInput = z.infer<typeof signEvaluationSchema>;

export const amendEvaluationSchema = z.object({
  patientId: z.uuid({ error: "invalid" }),
  evaluationId: z.uuid({ error: "invalid" }),
});
export type AmendEvaluationInput = z.infer<typeof amendEvaluationSchema>;

export function emptyEvaluation(patientId: string): EvaluationFormValues {
  return {
    patientId,
    evaluationId: null,
    psfsFrequency: null,
    psfsSeverity: null,
    mas: [],
    examNotes: "",
    workUpOrdered: [],
    workUpNotes: "",
  };
}
