import { z } from "zod";
import "@/lib/zod-config";
import { BREAK_GLASS_REASON_MIN } from "@/lib/dto/access";
import { BODY_SITES } from "@/lib/domain/report-fields";
import { TRIAGE_LEVELS } from "@/lib/domain/triage";

export const breakGlassSchema = z.object({
  patientId: z.uuid({ error: "invalid" }),
  reason: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .min(BREAK_GLASS_REASON_MIN, { error: "reason_too_short" })
    .max(500, { error: "too_long" })
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), { error: "invalid_characters" }),
});
export type BreakGlassInput = z.infer<typeof breakGlassSchema>;

/** Timeline filters from the URL; unknown values filter nothing. */
export const timelineQuerySchema = z.object({
  level: z.enum(TRIAGE_LEVELS).optional().catch(undefined),
  site: z.enum(BODY_SITES).optional().catch(undefined),
  cursor: z.string().max(100).optional().catch(undefined),
});

export function parseTimelineQuery(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return timelineQuerySchema.parse({
    level: one(params.level),
    site: one(params.site),
    cursor: one(params.cursor),
  });
}
