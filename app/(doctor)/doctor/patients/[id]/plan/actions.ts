"use server";

import { revalidatePath } from "next/cache";
import { doctorAction } from "@/lib/actions/action-client";
import {
  discardPlanDraft,
  publishPlan,
  revisePlan,
  savePlanDraft,
  updateInjection,
  updateReferralStatus,
} from "@/lib/dal/plans";
import {
  discardDraftSchema,
  injectionUpdateSchema,
  planDraftSchema,
  publishPlanSchema,
  referralUpdateSchema,
  revisePlanSchema,
} from "@/lib/validations/plan";

// Thin actions: doctorAction checks session, role and the schema; the DAL checks access and audits.
const refresh = (patientId: string) => revalidatePath(`/doctor/patients/${patientId}/plan`);

export const savePlanDraftAction = doctorAction(planDraftSchema, async (actor, input) => {
  const saved = await savePlanDraft(actor, input);
  refresh(input.patientId);
  return saved;
});

export const publishPlanAction = doctorAction(publishPlanSchema, async (actor, input) => {
  const published = await publishPlan(actor, input);
  refresh(input.patientId);
  return published;
});

export const revisePlanAction = doctorAction(revisePlanSchema, async (actor, input) => {
  const draft = await revisePlan(actor, input.patientId);
  refresh(input.patientId);
  return draft;
});

export const discardPlanDraftAction = doctorAction(discardDraftSchema, async (actor, input) => {
  await discardPlanDraft(actor, input);
  refresh(input.patientId);
});

export const updateReferralAction = doctorAction(referralUpdateSchema, async (actor, input) => {
  await updateReferralStatus(actor, input);
  refresh(input.patientId);
});

export const updateInjectionAction = doctorAction(injectionUpdateSchema, async (actor, input) => {
  await updateInjection(actor, input);
  refresh(input.patientId);
});
