"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { replaceTemporaryPassword } from "@/lib/dal/accounts";
import { userPendingPasswordChange } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { ROLE_HOME } from "@/lib/permissions";
import { changePasswordSchema } from "@/lib/validations/admin";
import { toFieldErrors, type FormState } from "@/lib/validations/common";
import { passwordPolicyError } from "@/lib/validations/password";

/**
 * The forced change after a temporary password. Only a session still flagged as temporary may call it; the DAL
 * ends every session of the old password, then the user is signed in again with the new one.
 */
export async function changeTemporaryPasswordAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await userPendingPasswordChange();
  if (!user) return { ok: false, fieldErrors: {}, formError: "sessionEnded" };
  const parsed = changePasswordSchema.safeParse({
    password: formData.get("password"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  const policy = passwordPolicyError(parsed.data.password, { email: user.email, name: user.name });
  if (policy) return { ok: false, fieldErrors: { password: policy } };
  try {
    await replaceTemporaryPassword(user, parsed.data.password);
  } catch (err) {
    if (isDalError(err) && err.entity === "password_reused") {
      return { ok: false, fieldErrors: { password: "password_reused" } };
    }
    if (!isDalError(err)) logError("replaceTemporaryPassword", err, user.requestId);
    return { ok: false, fieldErrors: {}, formError: isDalError(err) ? "sessionEnded" : "failed" };
  }
  try {
    await signIn("credentials", {
      email: user.email,
      password: parsed.data.password,
      redirectTo: ROLE_HOME[user.role],
    });
  } catch (err) {
    if (err instanceof AuthError) await signOut({ redirectTo: "/login" });
    throw err; // NEXT_REDIRECT on success
  }
  return { ok: true };
}
