"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { signIn, signOut } from "@/lib/auth/auth";
import { registerPatient } from "@/lib/dal/auth";
import { recordSignOut, setOwnLocale } from "@/lib/dal/users";
import { currentUser, getRequestId } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { registerSchema, signInSchema } from "@/lib/validations/auth";
import { toFieldErrors, type FormState } from "@/lib/validations/common";

function safeCallback(value: FormDataEntryValue | null): string {
  const v = typeof value === "string" ? value : "";
  return v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    return { ok: false, fieldErrors: toFieldErrors(parsed.error), values: { email: formData.get("email") } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(formData.get("callbackUrl")) });
  } catch (err) {
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
  const raw = Object.fromEntries(formData);
  const parsed = registerSchema.safeParse(raw);
  const values = { name: raw.name, email: raw.email };
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error), values };
  try {
    await registerPatient(parsed.data, await getRequestId());
  } catch (err) {
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

export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) await recordSignOut(user);
  await signOut({ redirectTo: "/login" });
}

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  const user = await currentUser();
  if (user) await setOwnLocale(user, locale);
  revalidatePath("/", "layout");
}
