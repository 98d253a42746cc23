"use server";

import { revalidatePath } from "next/cache";
import { withdrawOwnReport } from "@/lib/dal/report-history";
import { patientAction } from "@/lib/actions/action-client";
import { isDalError, type DalErrorCode } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validations/common";
import { withdrawReportSchema, type WithdrawFormState } from "@/lib/validations/history";
import { logError } from "@/lib/log";

// DAL refusals as message codes (history.withdraw.errors.<code>, else errors.<code>).
const DAL_FORM_ERRORS: Partial<Record<DalErrorCode, string>> = {
  conflict: "already_withdrawn",
  not_found: "not_found",
  invalid: "invalid",
  forbidden: "forbidden",
  unauthenticated: "forbidden",
};

/** A patient withdraws one of their reports, with a reason. Public endpoint: session, schema and DAL all check. */
export const withdrawReportAction = patientAction.form<WithdrawFormState>(
  (code) => ({ ok: false, fieldErrors: {}, formError: code }),
  async (actor, formData) => {
    const reason = formData.get("reason");
    const values = { reason: typeof reason === "string" ? reason : "" };
    const parsed = withdrawReportSchema.safeParse({ reportId: formData.get("reportId"), ...values });
    if (!parsed.success) {
      const { reportId, ...fieldErrors } = toFieldErrors(parsed.error);
      // A tampered id is answered like someone else's report.
      return { ok: false, fieldErrors, formError: reportId ? "not_found" : undefined, values };
    }
    try {
      await withdrawOwnReport(actor, parsed.data);
    } catch (err) {
      if (!isDalError(err)) logError("withdrawOwnReport", err, actor.requestId);
      const formError = (isDalError(err) && DAL_FORM_ERRORS[err.code]) || "withdraw_failed";
      return { ok: false, fieldErrors: {}, formError, values };
    }
    revalidatePath("/patient/reports");
    revalidatePath(`/patient/reports/${parsed.data.reportId}`);
    revalidatePath("/patient/trends");
    return { ok: true };
  },
);
