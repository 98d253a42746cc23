"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { doctorAction } from "@/lib/actions/action-client";
import { claimPatient } from "@/lib/dal/queue";

/** "Claim": an unassigned patient becomes mine. Losing a race answers conflict. */
export const claimPatientAction = doctorAction(
  z.object({ patientId: z.uuid() }),
  async (actor, { patientId }) => {
    await claimPatient(actor, patientId);
    revalidatePath("/doctor");
  },
);
