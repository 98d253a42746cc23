"use server";

import { revalidatePath } from "next/cache";
import { doctorAction } from "@/lib/actions/action-client";
import { amendEvaluation, saveEvaluationDraft, signEvaluation } from "@/lib/dal/evaluations";
import {
  amendEvaluationSchema,
  evaluationDraftSchema,
  signEvaluationSchema,
} from "@/lib/validations/evaluation";

// Thin actions: doctorAction checks the session, role and schema; the DAL checks access, refuses signed rows and
// audits. The whole case is revalidated: signing changes the header's triage and the queue.
const refresh = (patientId: string) => revalidatePath(`/doctor/patients/${patientId}`, "layout");

export const saveEvaluationDraftAction = doctorAction(evaluationDraftSchema, async (actor, input) => {
  const result = await saveEvaluationDraft(actor, input);
  refresh(input.patientId);
  return result;
});

export const signEvaluationAction = doctorAction(signEvaluationSchema, async (actor, input) => {
  const result = await signEvaluation(actor, input);
  refresh(input.patientId);
  revalidatePath("/doctor");
  return result;
});

export const amendEvaluationAction = doctorAction(amendEvaluationSchema, async (actor, input) => {
  const result = await amendEvaluation(actor, input);
  refresh(input.patientId);
  return result;
});
