"use server";

import { createReport } from "@/lib/dal/reports";
import { patientAction } from "@/lib/actions/action-client";
import { isDbUnavailable } from "@/lib/db/unavailable";
import { isDalError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validations/common";
import {
  idempotencyKeySchema,
  reportFormDataToRaw,
  reportSchema,
  type ReportField,
  type ReportFormState,
} from "@/lib/validations/report";
import { logError } from "@/lib/log";

/**
 * A patient sends a new episode report. Public endpoint: session, schema and DAL checks all apply here. Answers the
 * new report's id; the form then opens its result page.
 */
export const createReportAction = patientAction.form<ReportFormState>(
  (code) => ({ ok: false, fieldErrors: {}, formError: code }),
  async (actor, formData) => {
    const parsed = reportSchema.safeParse(reportFormDataToRaw(formData));
    if (!parsed.success) {
      return {
        ok: false,
        fieldErrors: toFieldErrors(parsed.error) as Partial<Record<ReportField, string>>,
        formError: "fix_fields",
      };
    }
    // Chosen when the form opened: the same form sent twice stores one report (optional for older pages).
    const key = idempotencyKeySchema.safeParse(formData.get("idempotencyKey") || undefined);
    if (!key.success) return { ok: false, fieldErrors: {}, formError: "report_failed" };
    let id: string;
    try {
      ({ id } = await createReport(actor, parsed.data, { idempotencyKey: key.data }));
    } catch (err) {
      if (isDalError(err) && (err.code === "forbidden" || err.code === "unauthenticated")) {
        return { ok: false, fieldErrors: {}, formError: "forbidden" };
      }
      // The database could not be reached: nothing was stored, the answers stay on screen with the numbers to call.
      if (isDbUnavailable(err)) {
        logError("createReport", err, actor.requestId);
        return { ok: false, fieldErrors: {}, formError: "unavailable" };
      }
      // Logged for us with the request id; the patient gets a plain message and keeps what they typed.
      logError("createReport", err, actor.requestId);
      return { ok: false, fieldErrors: {}, formError: "report_failed" };
    }
    // The stored report's id, not a redirect: a redirect makes Next render the result page with all its layouts
    // inside this answer (~100 kB); the form navigates there instead, which renders the page segment alone.
    // No revalidatePath: it would make Next render this form's page into the answer as well. Every patient page is
    // dynamic and read afresh on a link or reload; only the browser's back button shows a page as it was left.
    return { ok: true, id };
  },
);
