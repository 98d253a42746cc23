"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { confirmEnrolment, disableOwnMfa, verifySecondStep } from "@/lib/dal/mfa";
import { ThrottledError } from "@/lib/dal/rate-limit";
import { currentSessionId, currentUser, userPendingMfa } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { ROLE_HOME, type Actor } from "@/lib/permissions";
import { toFieldErrors, type FieldErrors } from "@/lib/validations/common";
import { mfaCodeSchema } from "@/lib/validations/mfa";

export type MfaFormState =
  | { ok: true; recoveryCodes?: string[]; next?: string }
  | { ok: false; fieldErrors: FieldErrors; formError?: string; retryAfterMinutes?: number }
  | null;

const throttled = (err: ThrottledError): MfaFormState => ({
  ok: false,
  fieldErrors: {},
  formError: "tooManyAttempts",
  retryAfterMinutes: err.retryAfterMinutes,
});

function failure(err: unknown, actor: Actor, what: string): MfaFormState {
  if (err instanceof ThrottledError) return throttled(err);
  if (isDalError(err)) return { ok: false, fieldErrors: {}, formError: "stateChanged" };
  logError(`mfa ${what}`, err, actor.requestId);
  return { ok: false, fieldErrors: {}, formError: "failed" };
}

/**
 * The second step after the password: only a session pending MFA verification may call it. A valid code (or an
 * unused recovery code) completes this sign-in and goes to the role's home.
 */
export async function verifyMfaAction(_prev: MfaFormState, formData: FormData): Promise<MfaFormState> {
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "invalid" };
  const pending = await userPendingMfa();
  if (!pending || pending.pending !== "verify")
    return { ok: false, fieldErrors: {}, formError: "sessionEnded" };
  const parsed = mfaCodeSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  let ok: boolean;
  try {
    ok = (await verifySecondStep(pending.actor, pending.sessionId, parsed.data.code)) !== null;
  } catch (err) {
    return failure(err, pending.actor, "verify");
  }
  if (!ok) return { ok: false, fieldErrors: { code: "mfaCodeWrong" } };
  redirect(ROLE_HOME[pending.actor.role]);
}

/**
 * Enrolment's confirmation: from the sign-in (a staff member the clinic requires to enrol) or from the security
 * page (anyone opting in). Either way this browser's session counts as verified and the recovery codes come back once.
 */
export async function confirmEnrolmentAction(_prev: MfaFormState, formData: FormData): Promise<MfaFormState> {
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "invalid" };
  const pending = await userPendingMfa();
  const user = pending ? null : await currentUser();
  const sessionId = pending?.pending === "enrol" ? pending.sessionId : user ? await currentSessionId() : null;
  const actor = pending?.pending === "enrol" ? pending.actor : user;
  if (!actor || !sessionId) return { ok: false, fieldErrors: {}, formError: "sessionEnded" };
  const parsed = mfaCodeSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  try {
    const done = await confirmEnrolment(actor, sessionId, parsed.data.code);
    if (!done) return { ok: false, fieldErrors: { code: "mfaCodeWrong" } };
    // No revalidatePath here: a re-render would replace the form, and with it the recovery codes shown once.
    // Their "continue" link loads the page afresh.
    return {
      ok: true,
      recoveryCodes: done.recoveryCodes,
      next: pending ? ROLE_HOME[actor.role] : "/account/security",
    };
  } catch (err) {
    return failure(err, actor, "enrol");
  }
}

/** Turning one's own MFA off, with a current code (refused to staff while the clinic requires it). */
export async function disableMfaAction(_prev: MfaFormState, formData: FormData): Promise<MfaFormState> {
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "invalid" };
  const actor = await currentUser();
  if (!actor) return { ok: false, fieldErrors: {}, formError: "sessionEnded" };
  const parsed = mfaCodeSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  try {
    if (!(await disableOwnMfa(actor, parsed.data.code)))
      return { ok: false, fieldErrors: { code: "mfaCodeWrong" } };
  } catch (err) {
    if (isDalError(err) && err.code === "forbidden") {
      return { ok: false, fieldErrors: {}, formError: "requiredByClinic" };
    }
    return failure(err, actor, "disable");
  }
  revalidatePath("/account/security");
  return { ok: true, next: "/account/security" };
}
