"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { auth, signIn, signOut } from "@/lib/auth/auth";
import { readClaims } from "@/lib/auth/session-claims";
import { registerPatient } from "@/lib/dal/auth";
import { ThrottledError } from "@/lib/dal/rate-limit";
import { endAllSessions, endSession } from "@/lib/dal/sessions";
import { setOwnLocale } from "@/lib/dal/users";
import { currentUser, getRequestContext, userPendingMfa, userPendingPasswordChange } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { registerSchema, signInSchema } from "@/lib/validations/auth";
import { toFieldErrors, type FormState } from "@/lib/validations/common";

function safeCallback(value: FormDataEntryValue | null): string {
  const v = typeof value === "string" ? value : "";
  return v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "invalid" };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    return { ok: false, fieldErrors: toFieldErrors(parsed.error), values: { email: formData.get("email") } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(formData.get("callbackUrl")) });
  } catch (err) {
    const minutes = (err as { retryAfterMinutes?: unknown } | null)?.retryAfterMinutes;
    if (err instanceof AuthError && typeof minutes === "number") {
      return {
        ok: false,
        fieldErrors: {},
        formError: "tooManyAttempts",
        values: { email: parsed.data.email, retryAfterMinutes: minutes },
      };
    }
    if (err instanceof AuthError) {
      return {
        ok: false,
        fieldErrors: {},
        formError: "invalidCredentials",
        values: { email: parsed.data.email },
      };
    }
    throw err; // NEXT_REDIRECT on success
  }
  return { ok: true };
}

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "invalid" };
  const raw = Object.fromEntries(formData);
  const parsed = registerSchema.safeParse(raw);
  const values = { name: raw.name, email: raw.email };
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error), values };
  try {
    await registerPatient(parsed.data, await getRequestContext());
  } catch (err) {
    if (err instanceof ThrottledError) {
      const throttled = { ...values, retryAfterMinutes: err.retryAfterMinutes };
      return { ok: false, fieldErrors: {}, formError: "tooManyAttempts", values: throttled };
    }
    if (isDalError(err) && err.code === "email_taken")
      return { ok: false, fieldErrors: { email: "emailTaken" }, values };
    if (isDalError(err) && err.code === "registration_closed") {
      return { ok: false, fieldErrors: {}, formError: "registrationClosed", values };
    }
    throw err;
  }
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: "/patient/profile?welcome=1",
  });
  return { ok: true };
}

/** Ends this browser's session on the server (a copied cookie is refused from now on), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const claims = readClaims(await auth());
  const user =
    (await currentUser()) ?? (await userPendingPasswordChange()) ?? (await userPendingMfa())?.actor;
  if (user && claims) await endSession(user, claims.sessionId);
  await signOut({ redirectTo: "/login" });
}

/** Ends every session of the signed-in user, on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = (await currentUser()) ?? (await userPendingPasswordChange());
  if (user) await endAllSessions(user);
  await signOut({ redirectTo: "/login" });
}

/** "Stay signed in" from the idle warning: a request that counts as activity. False once the session is over. */
export async function keepAliveAction(): Promise<boolean> {
  return (await currentUser()) !== null;
}

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  const user = await currentUser();
  if (user) await setOwnLocale(user, locale);
  revalidatePath("/", "layout");
}
