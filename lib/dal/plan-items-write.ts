import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { injections, injectionSites, planItems, referrals, suspectedCauses } from "@/lib/db/schema";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { InjectionItemInput, PlanItemInput, ReferralItemInput } from "@/lib/validations/plan";

// Writes the items of a draft plan and the injection / referral rows each draft item owns. Draft rows are the
// doctor's work in progress: My care hides rows whose item belongs to a draft (lib/dal/care.ts).

const orNull = (s: string) => (s === "" ? null : s);

function itemColumns(item: PlanItemInput, position: number) {
  const none = {
    medicationName: null,
    dose: null,
    route: null,
    schedule: null,
    startOn: null,
    stopOn: null,
    followUpOn: null,
    suspectedCauseId: null,
  };
  const common = { kind: item.kind, position, instructions: item.instructions };
  switch (item.kind) {
    case "medication":
      return {
        ...common,
        ...none,
        medicationName: item.medicationName,
        dose: item.dose,
        route: item.route,
        schedule: item.schedule,
        startOn: orNull(item.startOn),
        stopOn: orNull(item.stopOn),
      };
    case "treat_underlying_cause":
      return { ...common, ...none, suspectedCauseId: item.suspectedCauseId };
    case "neurology_referral":
      return { ...common, ...none, suspectedCauseId: item.suspectedCauseId };
    case "follow_up":
      return { ...common, ...none, followUpOn: item.followUpOn };
    default:
      return { ...common, ...none };
  }
}

/** Every cause an item links to must be one of this patient's recorded causes. */
async function checkCauses(tx: Db, patientId: string, items: PlanItemInput[]): Promise<void> {
  const wanted = items.flatMap((item, i) =>
    "suspectedCauseId" in item && item.suspectedCauseId ? [{ i, id: item.suspectedCauseId }] : [],
  );
  if (!wanted.length) return;
  const found = await tx
    .select({ id: suspectedCauses.id })
    .from(suspectedCauses)
    .where(
      and(
        eq(suspectedCauses.patientId, patientId),
        inArray(
          suspectedCauses.id,
          wanted.map((w) => w.id),
        ),
      ),
    );
  const ok = new Set(found.map((f) => f.id));
  const bad = wanted.find((w) => !ok.has(w.id));
  if (bad) throw new DalError("invalid", `items.${bad.i}.suspectedCauseId`);
}

async function writeInjection(
  tx: Db,
  actor: Actor,
  patientId: string,
  itemId: string,
  item: InjectionItemInput,
): Promise<void> {
  const values = {
    product: item.product,
    totalUnits: item.totalUnits,
    dilution: orNull(item.dilution),
    guidance: item.guidance,
    lot: orNull(item.lot),
    unitsNote: orNull(item.unitsNote),
    scheduledOn: item.scheduledOn,
    nextReviewOn: orNull(item.nextReviewOn),
    updatedAt: new Date(),
  };
  const [existing] = await tx
    .update(injections)
    .set(values)
    .where(and(eq(injections.planItemId, itemId), eq(injections.patientId, patientId)))
    .returning({ id: injections.id });
  let injectionId = existing?.id;
  if (injectionId) {
    await tx.delete(injectionSites).where(eq(injectionSites.injectionId, injectionId));
  } else {
    const [created] = await tx
      .insert(injections)
      .values({ ...values, patientId, planItemId: itemId, doctorId: actor.id, status: "planned" })
      .returning({ id: injections.id });
    injectionId = created.id;
  }
  await tx
    .insert(injectionSites)
    .values(item.sites.map((s) => ({ injectionId, muscle: s.muscle, side: s.side, units: s.units })));
}

async function writeReferral(
  tx: Db,
  actor: Actor,
  patientId: string,
  itemId: string,
  item: ReferralItemInput,
): Promise<void> {
  const values = {
    urgency: item.urgency,
    reason: item.reason,
    suspectedCauseId: item.suspectedCauseId,
    updatedAt: new Date(),
  };
  const [existing] = await tx
    .update(referrals)
    .set(values)
    .where(and(eq(referrals.planItemId, itemId), eq(referrals.patientId, patientId)))
    .returning({ id: referrals.id });
  if (!existing) {
    await tx
      .insert(referrals)
      .values({ ...values, patientId, planItemId: itemId, doctorId: actor.id, status: "requested" });
  }
}

/** Deletes draft items with the injection and referral rows they own (the FK would only null their link). */
export async function deleteDraftItems(tx: Db, itemIds: string[]): Promise<void> {
  if (!itemIds.length) return;
  await tx.delete(injections).where(inArray(injections.planItemId, itemIds));
  await tx.delete(referrals).where(inArray(referrals.planItemId, itemIds));
  await tx.delete(planItems).where(inArray(planItems.id, itemIds));
}

/**
 * Makes the draft's items exactly `items`, in order: rows with a known id are updated in place (their injection or
 * referral row too), new rows are inserted, missing ones deleted. An id that is not an item of this draft is
 * refused (invalid at that row), as is an item whose kind changed.
 */
export async function syncDraftItems(
  tx: Db,
  actor: Actor,
  patientId: string,
  planId: string,
  items: PlanItemInput[],
): Promise<void> {
  await checkCauses(tx, patientId, items);
  const existing = await tx
    .select({ id: planItems.id, kind: planItems.kind })
    .from(planItems)
    .where(eq(planItems.planId, planId));
  const kinds = new Map(existing.map((e) => [e.id, e.kind]));
  items.forEach((item, i) => {
    if (item.id && kinds.get(item.id) !== item.kind) throw new DalError("invalid", `items.${i}`);
  });
  const kept = new Set(items.flatMap((i) => (i.id ? [i.id] : [])));
  await deleteDraftItems(
    tx,
    existing.filter((e) => !kept.has(e.id)).map((e) => e.id),
  );
  for (const [position, item] of items.entries()) {
    const columns = itemColumns(item, position);
    let itemId = item.id;
    if (itemId) {
      await tx
        .update(planItems)
        .set(columns)
        .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)));
    } else {
      const [row] = await tx
        .insert(planItems)
        .values({ ...columns, planId })
        .returning({ id: planItems.id });
      itemId = row.id;
    }
    if (item.kind === "injection") await writeInjection(tx, actor, patientId, itemId, item);
    if (item.kind === "neurology_referral") await writeReferral(tx, actor, patientId, itemId, item);
  }
}
