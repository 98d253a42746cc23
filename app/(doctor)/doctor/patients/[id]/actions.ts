"use server";

import { revalidatePath } from "next/cache";
import { doctorAction } from "@/lib/actions/action-client";
import { breakGlass } from "@/lib/dal/patient-search";
import { breakGlassSchema } from "@/lib/validations/case";

/** Break the glass on another doctor's patient, with a stated reason (audited, time-limited). */
export const breakGlassAction = doctorAction(breakGlassSchema, async (actor, { patientId, reason }) => {
  const { expiresAt } = await breakGlass(actor, patientId, reason);
  revalidatePath(`/doctor/patients/${patientId}`, "layout");
  return { expiresAt: expiresAt.toISOString() };
});
