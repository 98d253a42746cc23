"use server";

import { revalidatePath } from "next/cache";
import { doctorAction } from "@/lib/actions/action-client";
import { setCauseStatus } from "@/lib/dal/causes";
import { setCauseStatusSchema } from "@/lib/validations/causes";

/** Records a status for a suspected cause (a suggestion or a cause the doctor adds), with its history. */
export const setCauseStatusAction = doctorAction(setCauseStatusSchema, async (actor, input) => {
  const result = await setCauseStatus(actor, input);
  revalidatePath(`/doctor/patients/${input.patientId}`, "layout");
  return result;
});
