"use server";

import { revalidatePath } from "next/cache";
import { auth } from "@/lib/auth/auth";
import { readClaims } from "@/lib/auth/session-claims";
import { changeOwnEmail, changeOwnPassword } from "@/lib/dal/account-self";
import { ThrottledError } from "@/lib/dal/rate-limit";
import { currentUser } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { logError } from "@/lib/log";
import {
  changeOwnEmailSchema,
  changeOwnPasswordSchema,
  type ChangeEmailFormState,
  type ChangePasswordFormState,
} from "@/lib/validations/account";
import { toFieldErrors } from "@/lib/validations/common";
import { passwordPolicyError } from "@/lib/validations/password";

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
};

/** The errors both forms share: throttle, session gone, anything unexpected (logged without the request's data). */
function commonFailure(err: unknown, requestId: string, values: Record<string, unknown>) {
  if (err instanceof ThrottledError) {
    return {
      ok: false as const,
      fieldErrors: {},
      formError: "tooManyAttempts",
      values: { ...values, retryAfterMinutes: err.retryAfterMinutes },
    };
  }
  if (isDalError(err) && err.code === "unauthenticated") {
    return { ok: false as const, fieldErrors: {}, formError: "sessionEnded", values };
  }
  if (!isDalError(err)) logError("accountAction", err, requestId);
  return { ok: false as const, fieldErrors: {}, formError: "failed", values };
}

/** Any role: changes the signed-in user's password; their other sessions end, this browser stays signed in. */
export async function changeOwnPasswordAction(
  _prev: ChangePasswordFormState,
  formData: FormData,
): Promise<ChangePasswordFormState> {
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "invalid" };
  const user = await currentUser();
  const claims = readClaims(await auth());
  if (!user || !claims) return { ok: false, fieldErrors: {}, formError: "sessionEnded" };
  const parsed = changeOwnPasswordSchema.safeParse({
    currentPassword: text(formData, "currentPassword"),
    newPassword: text(formData, "newPassword"),
    confirmPassword: text(formData, "confirmPassword"),
  });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  const policy = passwordPolicyError(parsed.data.newPassword, user);
  if (policy) return { ok: false, fieldErrors: { newPassword: policy } };
  try {
    const { endedSessions } = await changeOwnPassword(user, claims.sessionId, parsed.data);
    return { ok: true, message: String(endedSessions) };
  } catch (err) {
    if (isDalError(err) && err.code === "invalid") {
      const field = err.entity === "currentPassword" ? "currentPassword" : "newPassword";
      const code = err.entity === "currentPassword" ? "wrongPassword" : (err.entity ?? "invalid");
      return { ok: false, fieldErrors: { [field]: code } };
    }
    return commonFailure(err, user.requestId, {});
  }
}

/** Any role: changes the signed-in user's e-mail (their sign-in identifier) after proving the password. */
export async function changeOwnEmailAction(
  _prev: ChangeEmailFormState,
  formData: FormData,
): Promise<ChangeEmailFormState> {
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "invalid" };
  const user = await currentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "sessionEnded" };
  const values = { email: text(formData, "email") };
  const parsed = changeOwnEmailSchema.safeParse({
    email: values.email,
    password: text(formData, "password"),
  });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error), values };
  try {
    const { email } = await changeOwnEmail(user, parsed.data);
    revalidatePath("/", "layout"); // the user menu shows the e-mail
    return { ok: true, message: email };
  } catch (err) {
    if (isDalError(err) && err.code === "email_taken") {
      return { ok: false, fieldErrors: { email: "emailTaken" }, values };
    }
    if (isDalError(err) && err.code === "invalid") {
      return { ok: false, fieldErrors: { password: "wrongPassword" }, values };
    }
    return commonFailure(err, user.requestId, values);
  }
}
