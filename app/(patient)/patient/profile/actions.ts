"use server";

import { revalidatePath } from "next/cache";
import { updateOwnProfile } from "@/lib/dal/profile";
import { currentUser } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validations/common";
import { profileFormValues, profileSchema, type ProfileFormState } from "@/lib/validations/profile";
import { logError } from "@/lib/log";

export async function updateProfileAction(
  _prev: ProfileFormState,
  formData: FormData,
): Promise<ProfileFormState> {
  // Over HTTP anything can arrive where the form posts its FormData.
  if (!(formData instanceof FormData)) return { ok: false, fieldErrors: {}, formError: "form_has_errors" };
  const values = profileFormValues(formData);
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, fieldErrors: toFieldErrors(parsed.error), formError: "form_has_errors", values };
  }
  // The DAL checks the role again; this only turns a missing session into a message instead of a crash.
  const user = await currentUser();
  if (!user) return { ok: false, fieldErrors: {}, formError: "forbidden", values };
  try {
    await updateOwnProfile(user, parsed.data);
  } catch (err) {
    const code = !isDalError(err)
      ? "generic"
      : err.code === "invalid"
        ? "form_has_errors"
        : err.code === "forbidden"
          ? "forbidden"
          : "generic";
    // Database errors stay on the server; the form says "nothing was saved".
    if (!isDalError(err)) logError("updateProfileAction", err);
    return { ok: false, fieldErrors: {}, formError: code, values };
  }
  revalidatePath("/patient/profile");
  return { ok: true, message: "saved" };
}
