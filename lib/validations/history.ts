import { z } from "zod";
import { BODY_SITES } from "@/lib/domain/report-fields";
import { TRIAGE_LEVELS } from "@/lib/domain/triage";
import { safeText, type FormState } from "./common";

import {
  TREND_WEEKS_DEFAULT,
  TREND_WEEKS_MAX,
  TREND_WEEKS_MIN,
  WITHDRAW_REASON_MAX,
  WITHDRAW_REASON_MIN,
} from "./history-limits";

export * from "./history-limits";

type SearchParamValue = string | string[] | undefined;
export type SearchParams = Record<string, SearchParamValue>;

// A repeated query parameter (?level=a&level=b) counts by its first value.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// URL parameters are user-editable: anything malformed falls back to the default instead of failing the page.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(first, z.enum(values).optional().catch(undefined));

const pageParam = z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1);

export const historyParamsSchema = z.object({
  page: pageParam,
  level: optionalEnum(TRIAGE_LEVELS),
  site: optionalEnum(BODY_SITES),
});
export type HistoryParams = z.infer<typeof historyParamsSchema>;

export const trendsParamsSchema = z.object({
  site: optionalEnum(BODY_SITES),
  weeks: z
    .preprocess(
      first,
      z.coerce.number().int().min(TREND_WEEKS_MIN).max(TREND_WEEKS_MAX).catch(TREND_WEEKS_DEFAULT),
    )
    .default(TREND_WEEKS_DEFAULT),
});
export type TrendsParams = z.infer<typeof trendsParamsSchema>;

/** Parses a page's searchParams; never throws. */
export function parseHistoryParams(params: SearchParams): HistoryParams {
  return historyParamsSchema.parse(params);
}

export function parseTrendsParams(params: SearchParams): TrendsParams {
  return trendsParamsSchema.parse(params);
}

export const withdrawReasonSchema = safeText("required")
  .trim()
  .min(1, { error: "required" })
  .min(WITHDRAW_REASON_MIN, { error: "reason_too_short" })
  .max(WITHDRAW_REASON_MAX, { error: "too_long" });

export const withdrawReportSchema = z.object({
  reportId: z.uuid({ error: "invalid" }),
  reason: withdrawReasonSchema,
});
export type WithdrawReportInput = z.infer<typeof withdrawReportSchema>;
export type WithdrawField = "reportId" | "reason";
export type WithdrawFormState = FormState<WithdrawField>;
