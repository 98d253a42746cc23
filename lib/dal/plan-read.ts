import "server-only";
import { and, asc, count, desc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  injections,
  injectionSites,
  planItems,
  referrals,
  suspectedCauses,
  treatmentPlans,
  users,
} from "@/lib/db/schema";
import type { SuspectedCauseRef } from "@/lib/dto/causes";
import type {
  PlanDetail,
  PlanInjectionView,
  PlanItemView,
  PlanReferralView,
  PlanVersionSummary,
} from "@/lib/dto/plans";
import { clinicToday } from "@/lib/validations/profile";

// Read side of treatment plans, called inside withPatientAccess transactions (lib/dal/plans.ts). Every query is
// filtered by the patient id too, so an id of another patient's plan finds nothing.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const planColumns = {
  id: treatmentPlans.id,
  version: treatmentPlans.version,
  status: treatmentPlans.status,
  summary: treatmentPlans.summary,
  internalNotes: treatmentPlans.internalNotes,
  authorName: users.name,
  createdAt: treatmentPlans.createdAt,
  updatedAt: treatmentPlans.updatedAt,
  publishedAt: treatmentPlans.publishedAt,
  supersedesId: treatmentPlans.supersedesId,
};

export async function loadInjectionViews(tx: Db, itemIds: string[]): Promise<Map<string, PlanInjectionView>> {
  if (!itemIds.length) return new Map();
  const rows = await tx.select().from(injections).where(inArray(injections.planItemId, itemIds));
  const sites = rows.length
    ? await tx
        .select()
        .from(injectionSites)
        .where(
          inArray(
            injectionSites.injectionId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(injectionSites.muscle), asc(injectionSites.side))
    : [];
  return new Map(
    rows.map((r) => [
      r.planItemId!,
      {
        id: r.id,
        product: r.product,
        totalUnits: r.totalUnits,
        dilution: r.dilution,
        guidance: r.guidance,
        lot: r.lot,
        scheduledOn: r.scheduledOn,
        status: r.status,
        givenAt: iso(r.givenAt),
        nextReviewOn: r.nextReviewOn,
        unitsNote: r.unitsNote,
        sites: sites
          .filter((s) => s.injectionId === r.id)
          .map(({ muscle, side, units }) => ({ muscle, side, units })),
      },
    ]),
  );
}

export async function loadReferralViews(tx: Db, itemIds: string[]): Promise<Map<string, PlanReferralView>> {
  if (!itemIds.length) return new Map();
  const rows = await tx.select().from(referrals).where(inArray(referrals.planItemId, itemIds));
  return new Map(
    rows.map((r) => [
      r.planItemId!,
      {
        id: r.id,
        urgency: r.urgency,
        reason: r.reason,
        suspectedCauseId: r.suspectedCauseId,
        status: r.status,
        requestedAt: iso(r.requestedAt),
        sentAt: iso(r.sentAt),
        scheduledFor: iso(r.scheduledFor),
        seenAt: iso(r.seenAt),
        declinedAt: iso(r.declinedAt),
      },
    ]),
  );
}

export async function loadItems(tx: Db, planId: string): Promise<PlanItemView[]> {
  const rows = await tx
    .select()
    .from(planItems)
    .where(eq(planItems.planId, planId))
    .orderBy(asc(planItems.position), asc(planItems.id));
  const ids = rows.map((r) => r.id);
  const [inj, ref] = await Promise.all([loadInjectionViews(tx, ids), loadReferralViews(tx, ids)]);
  return rows.map((r) => {
    const injection = inj.get(r.id) ?? null;
    return {
      id: r.id,
      kind: r.kind,
      position: r.position,
      instructions: r.instructions,
      medicationName: r.medicationName,
      dose: r.dose,
      route: r.route,
      schedule: r.schedule,
      startOn: r.startOn,
      stopOn: r.stopOn,
      followUpOn: r.followUpOn,
      suspectedCauseId: r.suspectedCauseId,
      injection,
      referral: ref.get(r.id) ?? null,
    };
  });
}

/** One plan of this patient with its items, or null (missing, or another patient's). */
export async function loadPlanDetail(
  tx: Db,
  patientId: string,
  where: { id: string } | { status: "draft" | "published" },
): Promise<PlanDetail | null> {
  const match = "id" in where ? eq(treatmentPlans.id, where.id) : eq(treatmentPlans.status, where.status);
  const [plan] = await tx
    .select(planColumns)
    .from(treatmentPlans)
    .innerJoin(users, eq(users.id, treatmentPlans.authorId))
    .where(and(eq(treatmentPlans.patientId, patientId), match))
    .limit(1);
  if (!plan) return null;
  return {
    ...plan,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    publishedAt: iso(plan.publishedAt),
    items: await loadItems(tx, plan.id),
  };
}

export async function loadVersions(tx: Db, patientId: string): Promise<PlanVersionSummary[]> {
  const rows = await tx
    .select({
      id: treatmentPlans.id,
      version: treatmentPlans.version,
      status: treatmentPlans.status,
      authorName: users.name,
      createdAt: treatmentPlans.createdAt,
      publishedAt: treatmentPlans.publishedAt,
      itemCount: count(planItems.id),
    })
    .from(treatmentPlans)
    .innerJoin(users, eq(users.id, treatmentPlans.authorId))
    .leftJoin(planItems, eq(planItems.planId, treatmentPlans.id))
    .where(eq(treatmentPlans.patientId, patientId))
    .groupBy(treatmentPlans.id, users.name)
    .orderBy(desc(treatmentPlans.version));
  return rows.map((r) => ({
    ...r,
    itemCount: Number(r.itemCount),
    createdAt: r.createdAt.toISOString(),
    publishedAt: iso(r.publishedAt),
  }));
}

// helper-6's lib/dal/causes.ts offers listSuspectedCauses(actor, patientId), but it opens its own access
// transaction; inside ours we read the same four columns directly.
export async function loadCauseRefs(tx: Db, patientId: string): Promise<SuspectedCauseRef[]> {
  return tx
    .select({
      id: suspectedCauses.id,
      cause: suspectedCauses.cause,
      label: suspectedCauses.label,
      status: suspectedCauses.status,
    })
    .from(suspectedCauses)
    .where(eq(suspectedCauses.patientId, patientId))
    .orderBy(asc(suspectedCauses.createdAt), asc(suspectedCauses.id));
}

/** The day of the patient's most recent given injection, in the clinic's calendar. */
export async function loadLastInjectionOn(tx: Db, patientId: string): Promise<string | null> {
  const [row] = await tx
    .select({ at: max(injections.givenAt) })
    .from(injections)
    .where(and(eq(injections.patientId, patientId), eq(injections.status, "given")));
  return row?.at ? clinicToday(new Date(row.at)) : null;
}
