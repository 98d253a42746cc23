import "server-only";
import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { injections, planItems, referrals, treatmentPlans, users } from "@/lib/db/schema";
import { canMoveReferral } from "@/lib/domain/plans";
import type { PlanVersionDetail, PlanWorkspace, PublishPlanResult, SavePlanResult } from "@/lib/dto/plans";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { uuidSchema } from "@/lib/validations/common";
import type {
  DiscardDraftInput,
  InjectionUpdateInput,
  PlanDraftInput,
  PublishPlanInput,
  ReferralUpdateInput,
} from "@/lib/validations/plan";
import { recordAudit } from "./audit";
import { notify } from "./notify";
import { assertCan } from "./guard";
import { runOnce, type Repeatable } from "./idempotency";
import { carryRecordsForward, copyPlanIntoDraft } from "./plan-carry";
import { deleteDraftItems, syncDraftItems } from "./plan-items-write";
import { loadCauseRefs, loadLastInjectionOn, loadPlanDetail, loadVersions } from "./plan-read";
import { withPatientAccess } from "./patient-access";

// Treatment plans of one patient, for clinicians. Every function goes through withPatientAccess (the one access
// rule), filters plans, items, injections and referrals by the patient id as well (a foreign id is not_found), and
// writes its audit event in the same transaction. Lifecycle: one draft and one published plan per patient (partial
// unique indexes); a published plan is never edited in place (every write carries `status = 'draft'`); revising
// makes a new draft version that supersedes it at publish. Reads of the plan page are audited as plan.read.

const planEntity = (planId: string | null) => ({ entityType: "treatment_plan", entityId: planId });

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Two doctors creating the draft at once: the index lets one win, the other gets a conflict, not a 500. */
async function raceSafe<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DalError("conflict", "plan_draft_exists");
    throw err;
  }
}

export async function getPlanWorkspace(actor: Actor, patientId: string): Promise<PlanWorkspace> {
  return withPatientAccess(actor, patientId, "plan.read", async (tx) => {
    const [patient] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, patientId));
    const [published, draft, versions, causes, lastInjectionOn] = await Promise.all([
      loadPlanDetail(tx, patientId, { status: "published" }),
      loadPlanDetail(tx, patientId, { status: "draft" }),
      loadVersions(tx, patientId),
      loadCauseRefs(tx, patientId),
      loadLastInjectionOn(tx, patientId),
    ]);
    await recordAudit(tx, { action: "plan.read", actor, patientId, ...planEntity(published?.id ?? null) });
    return { patientId, patientLocale: patient.locale, published, draft, versions, causes, lastInjectionOn };
  });
}

/** Any version of this patient's plans, read-only (the history view), with the causes its items link to. */
export async function getPlanVersion(
  actor: Actor,
  patientId: string,
  planId: string,
): Promise<PlanVersionDetail> {
  return withPatientAccess(actor, patientId, "plan.read", async (tx) => {
    const plan = uuidSchema.safeParse(planId).success
      ? await loadPlanDetail(tx, patientId, { id: planId })
      : null;
    if (!plan) throw new DalError("not_found", "plan");
    await recordAudit(tx, { action: "plan.read", actor, patientId, ...planEntity(plan.id) });
    return { ...plan, causes: await loadCauseRefs(tx, patientId) };
  });
}

/** Creates the draft (next version, superseding the published plan if any) or updates it, then its items. */
async function writeDraft(tx: Db, actor: Actor, input: PlanDraftInput): Promise<SavePlanResult> {
  const { patientId } = input;
  const values = {
    summary: input.summary,
    internalNotes: input.internalNotes || null,
    updatedAt: new Date(),
  };
  let planId: string;
  let version: number;
  if (input.planId) {
    const [row] = await tx
      .update(treatmentPlans)
      .set(values)
      .where(
        and(
          eq(treatmentPlans.id, input.planId),
          eq(treatmentPlans.patientId, patientId),
          eq(treatmentPlans.status, "draft"),
        ),
      )
      .returning({ id: treatmentPlans.id, version: treatmentPlans.version });
    if (!row) throw await refusal(tx, patientId, input.planId);
    ({ id: planId, version } = row);
  } else {
    const [published] = await tx
      .select({ id: treatmentPlans.id })
      .from(treatmentPlans)
      .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.status, "published")));
    const row = await insertDraft(tx, actor, patientId, published?.id ?? null, values);
    ({ id: planId, version } = row);
  }
  await syncDraftItems(tx, actor, patientId, planId, input.items);
  return { planId, version };
}

async function insertDraft(
  tx: Db,
  actor: Actor,
  patientId: string,
  supersedesId: string | null,
  values: { summary: string; internalNotes: string | null },
): Promise<{ id: string; version: number }> {
  const [last] = await tx
    .select({ v: max(treatmentPlans.version) })
    .from(treatmentPlans)
    .where(eq(treatmentPlans.patientId, patientId));
  const [row] = await tx
    .insert(treatmentPlans)
    .values({ ...values, patientId, authorId: actor.id, version: (last?.v ?? 0) + 1, supersedesId })
    .returning({ id: treatmentPlans.id, version: treatmentPlans.version });
  return row;
}

/** Why a write on a draft matched nothing: another patient's or missing (not_found), or no longer a draft. */
async function refusal(tx: Db, patientId: string, planId: string): Promise<DalError> {
  const [row] = await tx
    .select({ status: treatmentPlans.status })
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.id, planId), eq(treatmentPlans.patientId, patientId)));
  return row ? new DalError("conflict", "plan_not_draft") : new DalError("not_found", "plan");
}

export async function savePlanDraft(actor: Actor, input: PlanDraftInput): Promise<SavePlanResult> {
  assertCan(actor, "plan:write");
  return raceSafe(() =>
    withPatientAccess(actor, input.patientId, "plan.write", async (tx) => {
      const saved = await writeDraft(tx, actor, input);
      await recordAudit(tx, {
        action: "plan.write",
        actor,
        patientId: input.patientId,
        ...planEntity(saved.planId),
      });
      return saved;
    }),
  );
}

/**
 * Saves the draft as posted and publishes it in one transaction: the published plan becomes superseded, the draft
 * published (by this doctor, now), injections and referrals follow (plan-carry.ts), and the patient is notified.
 * Exactly once: the same form sent again (same idempotency key) gets the first publication back, not a new version.
 */
export async function publishPlan(
  actor: Actor,
  input: PublishPlanInput,
): Promise<Repeatable<PublishPlanResult>> {
  assertCan(actor, "plan:write");
  const { patientId } = input;
  const claim = { action: "plan.publish" as const, patientId, key: input.idempotencyKey };
  return raceSafe(() =>
    withPatientAccess(actor, patientId, "plan.publish", (tx) =>
      runOnce(tx, actor, claim, async () => {
        const result = await publishDraft(tx, actor, input);
        return { entityId: result.planId, result };
      }),
    ),
  );
}

async function publishDraft(tx: Db, actor: Actor, input: PlanDraftInput): Promise<PublishPlanResult> {
  const { patientId } = input;
  const { planId, version } = await writeDraft(tx, actor, input);
  const now = new Date();
  const [previous] = await tx
    .update(treatmentPlans)
    .set({ status: "superseded", updatedAt: now })
    .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.status, "published")))
    .returning({ id: treatmentPlans.id });
  const carried = await carryRecordsForward(tx, previous?.id ?? null, planId, now);
  await tx
    .update(treatmentPlans)
    .set({
      status: "published",
      publishedAt: now,
      authorId: actor.id,
      supersedesId: previous?.id ?? null,
      updatedAt: now,
    })
    .where(and(eq(treatmentPlans.id, planId), eq(treatmentPlans.status, "draft")));
  await notify(tx, { to: patientId, kind: "plan_published", patientId, entityId: planId });
  await recordAudit(tx, { action: "plan.publish", actor, patientId, ...planEntity(planId) });
  return { planId, version, carried };
}

/** Starts a new draft version from the published plan, pre-filled with its items (see plan-carry.ts). */
export async function revisePlan(actor: Actor, patientId: string): Promise<SavePlanResult> {
  assertCan(actor, "plan:write");
  return raceSafe(() =>
    withPatientAccess(actor, patientId, "plan.write", async (tx) => {
      const [published] = await tx
        .select()
        .from(treatmentPlans)
        .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.status, "published")))
        .for("update");
      if (!published) throw new DalError("not_found", "plan");
      const draft = await insertDraft(tx, actor, patientId, published.id, {
        summary: published.summary,
        internalNotes: published.internalNotes,
      });
      await copyPlanIntoDraft(tx, published.id, draft.id);
      await recordAudit(tx, { action: "plan.write", actor, patientId, ...planEntity(draft.id) });
      return { planId: draft.id, version: draft.version };
    }),
  );
}

/** Throws the draft away (its items and their draft records); published versions are untouched. */
export async function discardPlanDraft(actor: Actor, input: DiscardDraftInput): Promise<void> {
  assertCan(actor, "plan:write");
  await withPatientAccess(actor, input.patientId, "plan.write", async (tx) => {
    const [draft] = await tx
      .select({ id: treatmentPlans.id })
      .from(treatmentPlans)
      .where(
        and(
          eq(treatmentPlans.id, input.planId),
          eq(treatmentPlans.patientId, input.patientId),
          eq(treatmentPlans.status, "draft"),
        ),
      )
      .for("update");
    if (!draft) throw await refusal(tx, input.patientId, input.planId);
    const items = await tx.select({ id: planItems.id }).from(planItems).where(eq(planItems.planId, draft.id));
    await deleteDraftItems(
      tx,
      items.map((i) => i.id),
    );
    await tx
      .delete(treatmentPlans)
      .where(and(eq(treatmentPlans.id, draft.id), eq(treatmentPlans.status, "draft")));
    await recordAudit(tx, {
      action: "plan.write",
      actor,
      patientId: input.patientId,
      ...planEntity(draft.id),
    });
  });
}

/** Item ids of this patient's published plan: only its records are updated after publication. */
async function publishedItemIds(tx: Db, patientId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: planItems.id })
    .from(planItems)
    .innerJoin(treatmentPlans, eq(treatmentPlans.id, planItems.planId))
    .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.status, "published")));
  return rows.map((r) => r.id);
}

/** A calendar day stored as a timestamp at noon UTC, so every European time zone reads the same day. */
const noonUtc = (day: string) => new Date(`${day}T12:00:00Z`);

const REFERRAL_DATE = {
  sent: "sentAt",
  scheduled: "scheduledFor",
  seen: "seenAt",
  declined: "declinedAt",
} as const;

/** Moves a referral of the published plan one step (requested → sent → scheduled → seen, or declined). */
export async function updateReferralStatus(actor: Actor, input: ReferralUpdateInput): Promise<void> {
  assertCan(actor, "plan:write");
  await withPatientAccess(actor, input.patientId, "referral.update", async (tx) => {
    const items = await publishedItemIds(tx, input.patientId);
    const [referral] = items.length
      ? await tx
          .select()
          .from(referrals)
          .where(
            and(
              eq(referrals.id, input.referralId),
              eq(referrals.patientId, input.patientId),
              inArray(referrals.planItemId, items),
            ),
          )
      : [];
    if (!referral) throw new DalError("not_found", "referral");
    if (input.status === "requested" || !canMoveReferral(referral.status, input.status))
      throw new DalError("conflict", "referral_status");
    const at = noonUtc(input.on);
    const previous = referral.sentAt ?? referral.requestedAt;
    if (
      input.status !== "declined" &&
      previous &&
      at.toISOString().slice(0, 10) < previous.toISOString().slice(0, 10)
    )
      throw new DalError("invalid", "on");
    const [moved] = await tx
      .update(referrals)
      .set({ status: input.status, [REFERRAL_DATE[input.status]]: at, updatedAt: new Date() })
      .where(and(eq(referrals.id, referral.id), eq(referrals.status, referral.status)))
      .returning({ id: referrals.id });
    if (!moved) throw new DalError("conflict", "referral_status");
    await notify(tx, {
      to: input.patientId,
      kind: "referral_updated",
      patientId: input.patientId,
      entityId: referral.id,
    });
    await recordAudit(tx, {
      action: "referral.update",
      actor,
      patientId: input.patientId,
      entityType: "referral",
      entityId: referral.id,
    });
  });
}

/** Records a planned injection of the published plan as given (day, lot, next review) or cancels it. */
export async function updateInjection(actor: Actor, input: InjectionUpdateInput): Promise<void> {
  assertCan(actor, "plan:write");
  await withPatientAccess(actor, input.patientId, "injection.update", async (tx) => {
    const items = await publishedItemIds(tx, input.patientId);
    const owned = and(
      eq(injections.id, input.injectionId),
      eq(injections.patientId, input.patientId),
      items.length ? inArray(injections.planItemId, items) : sql`false`,
    );
    const changes =
      input.status === "given"
        ? {
            status: "given" as const,
            givenAt: noonUtc(input.givenOn),
            lot: input.lot,
            nextReviewOn: input.nextReviewOn || null,
          }
        : { status: "cancelled" as const };
    const [row] = await tx
      .update(injections)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(owned, eq(injections.status, "planned")))
      .returning({ id: injections.id });
    if (!row) {
      const [exists] = await tx.select({ id: injections.id }).from(injections).where(owned);
      throw exists ? new DalError("conflict", "injection_status") : new DalError("not_found", "injection");
    }
    await recordAudit(tx, {
      action: "injection.update",
      actor,
      patientId: input.patientId,
      entityType: "injection",
      entityId: row.id,
    });
  });
}
