import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import {
  injections,
  injectionSites,
  planItems,
  referrals,
  suspectedCauses,
  treatmentPlans,
  users,
  type Injection,
  type PlanItem,
  type Referral,
  type SuspectedCause,
} from "@/lib/db/schema";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

export type PlanItemKind = PlanItem["kind"];
export type ReferralStatus = Referral["status"];
export type ReferralUrgency = Referral["urgency"];
export type InjectionStatus = Injection["status"];

/** The cause a doctor linked an item or referral to (worded by the UI from its code, or the doctor's label). */
export type CareCause = { cause: SuspectedCause["cause"]; label: string | null };

export type CarePlanItem = {
  id: string;
  kind: PlanItemKind;
  instructions: string;
  medicationName: string | null;
  dose: string | null;
  route: PlanItem["route"];
  schedule: string | null;
  startOn: string | null;
  stopOn: string | null;
  followUpOn: string | null;
  cause: CareCause | null;
};

/** What the patient may read of a plan: no internal notes, no draft. */
export type CarePlan = {
  id: string;
  version: number;
  summary: string;
  publishedAt: Date | null;
  authorName: string;
  items: CarePlanItem[];
};

export type CareInjection = {
  id: string;
  product: string;
  totalUnits: number | null;
  guidance: Injection["guidance"];
  scheduledOn: string;
  status: InjectionStatus;
  givenAt: Date | null;
  nextReviewOn: string | null;
  sites: { muscle: string; side: "left" | "right"; units: number }[];
};

export type CareReferral = {
  id: string;
  urgency: ReferralUrgency;
  reason: string;
  status: ReferralStatus;
  cause: CareCause | null;
  requestedAt: Date | null;
  sentAt: Date | null;
  scheduledFor: Date | null;
  seenAt: Date | null;
  declinedAt: Date | null;
  createdAt: Date;
};

export type OwnCare = {
  plan: CarePlan | null;
  injections: { next: CareInjection | null; later: CareInjection[]; given: CareInjection[] };
  referrals: CareReferral[];
  followUps: CarePlanItem[];
};

/**
 * An injection or referral tied to an item of a draft plan is still the doctor's work in progress;
 * one with no plan item, or from a published or superseded plan, has reached the patient.
 */
function notFromDraft(planItemId: typeof injections.planItemId | typeof referrals.planItemId) {
  return or(
    isNull(planItemId),
    sql`exists (select 1 from ${planItems} join ${treatmentPlans} on ${treatmentPlans.id} = ${planItems.planId}
      where ${planItems.id} = ${planItemId} and ${treatmentPlans.status} <> 'draft')`,
  );
}

async function loadLatestPublishedPlan(actor: Actor): Promise<CarePlan | null> {
  const db = await getDb();
  const [plan] = await db
    .select({
      id: treatmentPlans.id,
      version: treatmentPlans.version,
      summary: treatmentPlans.summary,
      publishedAt: treatmentPlans.publishedAt,
      authorName: users.name,
    })
    .from(treatmentPlans)
    .innerJoin(users, eq(users.id, treatmentPlans.authorId))
    .where(and(eq(treatmentPlans.patientId, actor.id), eq(treatmentPlans.status, "published")))
    .orderBy(desc(treatmentPlans.version))
    .limit(1);
  if (!plan) return null;
  const rows = await db
    .select({
      id: planItems.id,
      kind: planItems.kind,
      instructions: planItems.instructions,
      medicationName: planItems.medicationName,
      dose: planItems.dose,
      route: planItems.route,
      schedule: planItems.schedule,
      startOn: planItems.startOn,
      stopOn: planItems.stopOn,
      followUpOn: planItems.followUpOn,
      causeCode: suspectedCauses.cause,
      causeLabel: suspectedCauses.label,
    })
    .from(planItems)
    .leftJoin(suspectedCauses, eq(suspectedCauses.id, planItems.suspectedCauseId))
    .where(eq(planItems.planId, plan.id))
    .orderBy(asc(planItems.position), asc(planItems.id));
  const items = rows.map(({ causeCode, causeLabel, ...item }) => ({
    ...item,
    // An injection item keeps the doctor's units note in `schedule` (lib/dal/plan-read.ts): clinical, not shown.
    schedule: item.kind === "injection" ? null : item.schedule,
    cause: causeCode ? { cause: causeCode, label: causeLabel } : null,
  }));
  return { ...plan, items };
}

async function loadInjections(actor: Actor): Promise<OwnCare["injections"]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: injections.id,
      product: injections.product,
      totalUnits: injections.totalUnits,
      guidance: injections.guidance,
      scheduledOn: injections.scheduledOn,
      status: injections.status,
      givenAt: injections.givenAt,
      nextReviewOn: injections.nextReviewOn,
    })
    .from(injections)
    .where(
      and(
        eq(injections.patientId, actor.id),
        ne(injections.status, "cancelled"),
        notFromDraft(injections.planItemId),
      ),
    )
    .orderBy(asc(injections.scheduledOn), asc(injections.id));
  const sites = rows.length
    ? await db
        .select({
          injectionId: injectionSites.injectionId,
          muscle: injectionSites.muscle,
          side: injectionSites.side,
          units: injectionSites.units,
        })
        .from(injectionSites)
        .where(
          inArray(
            injectionSites.injectionId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(injectionSites.muscle), asc(injectionSites.side))
    : [];
  const withSites: CareInjection[] = rows.map((r) => ({
    ...r,
    sites: sites
      .filter((s) => s.injectionId === r.id)
      .map(({ muscle, side, units }) => ({ muscle, side, units })),
  }));
  const planned = withSites.filter((i) => i.status === "planned");
  const given = withSites
    .filter((i) => i.status === "given")
    .sort(
      (a, b) =>
        (b.givenAt?.getTime() ?? 0) - (a.givenAt?.getTime() ?? 0) ||
        b.scheduledOn.localeCompare(a.scheduledOn),
    );
  return { next: planned[0] ?? null, later: planned.slice(1), given };
}

async function loadReferrals(actor: Actor): Promise<CareReferral[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: referrals.id,
      urgency: referrals.urgency,
      reason: referrals.reason,
      status: referrals.status,
      causeCode: suspectedCauses.cause,
      causeLabel: suspectedCauses.label,
      requestedAt: referrals.requestedAt,
      sentAt: referrals.sentAt,
      scheduledFor: referrals.scheduledFor,
      seenAt: referrals.seenAt,
      declinedAt: referrals.declinedAt,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .leftJoin(suspectedCauses, eq(suspectedCauses.id, referrals.suspectedCauseId))
    .where(and(eq(referrals.patientId, actor.id), notFromDraft(referrals.planItemId)))
    .orderBy(desc(referrals.createdAt), asc(referrals.id));
  return rows.map(({ causeCode, causeLabel, ...r }) => ({
    ...r,
    cause: causeCode ? { cause: causeCode, label: causeLabel } : null,
  }));
}

/** "My care": the latest published plan, injections, referrals and follow-ups of the signed-in patient. */
export async function getOwnCare(actor: Actor): Promise<OwnCare> {
  assertCan(actor, "care:read-own");
  const [plan, injectionsSplit, referralList] = await Promise.all([
    loadLatestPublishedPlan(actor),
    loadInjections(actor),
    loadReferrals(actor),
  ]);
  const followUps = (plan?.items ?? [])
    .filter((i) => i.kind === "follow_up")
    .sort((a, b) => (a.followUpOn ?? "9999").localeCompare(b.followUpOn ?? "9999"));
  await recordAudit(await getDb(), {
    action: "care.read",
    actor,
    patientId: actor.id,
    entityType: "treatment_plan",
    entityId: plan?.id ?? null,
  });
  return { plan, injections: injectionsSplit, referrals: referralList, followUps };
}
