"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { updateClinicSettings } from "@/lib/dal/admin-settings";
import { clinicSettingsSchema } from "@/lib/validations/admin";

export const updateClinicSettingsAction = adminAction(clinicSettingsSchema, async (actor, input) => {
  await updateClinicSettings(actor, input);
  // The clinic name is in every page's header, and the register page reads the switch.
  revalidatePath("/", "layout");
});
