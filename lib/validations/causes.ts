import { z } from "zod";
import "@/lib/zod-config";
import { CAUSE_STATUSES, RECORDED_CAUSES } from "@/lib/domain/cause-records";

/**
 * One status change of a suspected cause. `causeId` names a cause already recorded; without it the cause is new
 * (a suggested one being decided for the first time, or "other" with the doctor's own label).
 */
export const setCauseStatusSchema = z
  .object({
    patientId: z.uuid({ error: "invalid" }),
    causeId: z.uuid({ error: "invalid" }).nullable(),
    cause: z.enum(RECORDED_CAUSES, { error: "required" }),
    label: z.string({ error: "invalid" }).trim().max(120, { error: "too_long" }),
    status: z.enum(CAUSE_STATUSES, { error: "cause_status_required" }),
    note: z.string({ error: "invalid" }).trim().max(2000, { error: "too_long" }),
  })
  .superRefine((v, ctx) => {
    if (v.cause === "other" && v.causeId === null && v.label.length === 0)
      ctx.addIssue({ code: "custom", path: ["label"], message: "cause_label_required" });
  });
export type SetCauseStatusInput = z.infer<typeof setCauseStatusSchema>;
export type SetCauseStatusValues = z.input<typeof setCauseStatusSchema>;
