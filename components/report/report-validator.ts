import type { FieldErrors } from "@/lib/validations/common";
import type { ReportField } from "@/lib/validations/report-limits";

export type ValidateReport = (raw: unknown) => FieldErrors<ReportField>;

let loading: Promise<ValidateReport> | null = null;

/**
 * The server's report schema, loaded when the form first needs it (zod is ~30 kB gzipped, more than the form itself)
 * and then kept. A failed load (the network went away) is forgotten, so the next attempt tries again.
 */
export function loadReportValidator(): Promise<ValidateReport> {
  loading ??= import("@/lib/validations/report").then(
    (m) => m.validateReport,
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
