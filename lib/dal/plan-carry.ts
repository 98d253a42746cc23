import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import {
  injections,
  injectionSites,
  planItems,
  referrals,
  type Injection,
  type Referral,
} from "@/lib/db/schema";
import type { PublishPlanResult } from "@/lib/dto/plans";

// How injections and referrals follow a plan from version to version.
//
// Revise: the new draft gets a copy of every item of the published plan, except items whose injection was given or
// cancelled, or whose referral was seen or declined: those are history and stay attached to the version they
// belong to (My care lists them whatever the version). Open records (planned injection, requested / sent /
// scheduled referral) are copied onto the draft's item so the doctor edits them in place.
//
// Publish: each draft record is matched against the open records of the plan it replaces, by what the doctor
// decides (product, units, sites, dates… ; urgency, reason, cause — not the status, which may have moved since).
//  - unchanged: the existing record is re-pointed to the new item (keeping its status and dates) and the copy is
//    dropped, so a referral already sent is not sent twice;
//  - removed or changed: the old record is closed (injection cancelled, referral declined today) and the draft's
//    record becomes a new one (planned / requested today).
// Closed records are never touched.

const OPEN_REFERRAL = ["requested", "sent", "scheduled"] as const;

type SiteRow = { muscle: string; side: string; units: number };

function injectionKey(r: Injection, sites: SiteRow[]): string {
  const s = sites
    .map((x) => `${x.muscle.trim().toLowerCase()}|${x.side}|${x.units}`)
    .sort()
    .join(",");
  return JSON.stringify([
    r.product.trim().toLowerCase(),
    r.totalUnits,
    r.dilution,
    r.guidance,
    r.lot,
    r.scheduledOn,
    r.nextReviewOn,
    s,
  ]);
}

function referralKey(r: Referral): string {
  return JSON.stringify([r.urgency, r.reason.trim(), r.suspectedCauseId]);
}

async function itemIdsOf(tx: Db, planId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: planItems.id })
    .from(planItems)
    .where(eq(planItems.planId, planId))
    .orderBy(asc(planItems.position));
  return rows.map((r) => r.id);
}

async function injectionsOn(tx: Db, itemIds: string[]) {
  if (!itemIds.length) return [];
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
    : [];
  return rows.map((r) => ({ row: r, sites: sites.filter((s) => s.injectionId === r.id) }));
}

async function referralsOn(tx: Db, itemIds: string[]) {
  return itemIds.length ? tx.select().from(referrals).where(inArray(referrals.planItemId, itemIds)) : [];
}

/** Fills a new draft with the published plan's items and copies of its open records. */
export async function copyPlanIntoDraft(tx: Db, fromPlanId: string, draftId: string): Promise<void> {
  const items = await tx
    .select()
    .from(planItems)
    .where(eq(planItems.planId, fromPlanId))
    .orderBy(asc(planItems.position), asc(planItems.id));
  const ids = items.map((i) => i.id);
  const [inj, refs] = await Promise.all([injectionsOn(tx, ids), referralsOn(tx, ids)]);
  let position = 0;
  for (const { id, planId: _plan, position: _pos, ...columns } of items) {
    const injection = inj.find((x) => x.row.planItemId === id);
    const referral = refs.find((r) => r.planItemId === id);
    if (columns.kind === "injection" && injection?.row.status !== "planned") continue;
    if (
      columns.kind === "neurology_referral" &&
      !(referral && (OPEN_REFERRAL as readonly string[]).includes(referral.status))
    )
      continue;
    const [copy] = await tx
      .insert(planItems)
      .values({ ...columns, planId: draftId, position: position++ })
      .returning({ id: planItems.id });
    if (injection) {
      const { id: _id, planItemId: _item, createdAt: _c, updatedAt: _u, ...rest } = injection.row;
      const [row] = await tx
        .insert(injections)
        .values({ ...rest, planItemId: copy.id })
        .returning({ id: injections.id });
      if (injection.sites.length)
        await tx.insert(injectionSites).values(
          injection.sites.map((s) => ({
            injectionId: row.id,
            muscle: s.muscle,
            side: s.side,
            units: s.units,
          })),
        );
    }
    if (referral) {
      const { id: _id, planItemId: _item, createdAt: _c, updatedAt: _u, ...rest } = referral;
      await tx.insert(referrals).values({ ...rest, planItemId: copy.id });
    }
  }
}

/**
 * At publish: re-points unchanged open records of the replaced plan to the new items, closes the ones the revision
 * removed or changed, and starts the draft's new records. `previousPlanId` is null for a first plan.
 */
export async function carryRecordsForward(
  tx: Db,
  previousPlanId: string | null,
  draftId: string,
  now: Date,
): Promise<PublishPlanResult["carried"]> {
  const counts = { repointed: 0, cancelled: 0, declined: 0, created: 0 };
  const prevIds = previousPlanId ? await itemIdsOf(tx, previousPlanId) : [];
  const draftIds = await itemIdsOf(tx, draftId);
  const [oldInj, newInj, oldRef, newRef] = await Promise.all([
    injectionsOn(tx, prevIds),
    injectionsOn(tx, draftIds),
    referralsOn(tx, prevIds),
    referralsOn(tx, draftIds),
  ]);

  const openInj = new Map(
    oldInj.filter((o) => o.row.status === "planned").map((o) => [o.row.id, injectionKey(o.row, o.sites)]),
  );
  for (const d of newInj) {
    const key = injectionKey(d.row, d.sites);
    const match = [...openInj].find(([, k]) => k === key)?.[0];
    if (match) {
      openInj.delete(match);
      await tx.delete(injections).where(eq(injections.id, d.row.id));
      await tx
        .update(injections)
        .set({ planItemId: d.row.planItemId, updatedAt: now })
        .where(eq(injections.id, match));
      counts.repointed++;
    } else {
      await tx
        .update(injections)
        .set({ status: "planned", givenAt: null, createdAt: now, updatedAt: now })
        .where(eq(injections.id, d.row.id));
      counts.created++;
    }
  }
  if (openInj.size) {
    await tx
      .update(injections)
      .set({ status: "cancelled", updatedAt: now })
      .where(and(inArray(injections.id, [...openInj.keys()]), eq(injections.status, "planned")));
    counts.cancelled += openInj.size;
  }

  const openRef = new Map(
    oldRef
      .filter((o) => (OPEN_REFERRAL as readonly string[]).includes(o.status))
      .map((o) => [o.id, referralKey(o)]),
  );
  for (const d of newRef) {
    const key = referralKey(d);
    const match = [...openRef].find(([, k]) => k === key)?.[0];
    if (match) {
      openRef.delete(match);
      await tx.delete(referrals).where(eq(referrals.id, d.id));
      await tx
        .update(referrals)
        .set({ planItemId: d.planItemId, updatedAt: now })
        .where(eq(referrals.id, match));
      counts.repointed++;
    } else {
      await tx
        .update(referrals)
        .set({
          status: "requested",
          requestedAt: now,
          sentAt: null,
          scheduledFor: null,
          seenAt: null,
          declinedAt: null,
          createdAt: now,
          updatedAt: now,
        })
        .where(eq(referrals.id, d.id));
      counts.created++;
    }
  }
  if (openRef.size) {
    await tx
      .update(referrals)
      .set({ status: "declined", declinedAt: now, updatedAt: now })
      .where(inArray(referrals.id, [...openRef.keys()]));
    counts.declined += openRef.size;
  }
  return counts;
}
