import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { notifications, type Notification } from "@/lib/db/schema";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";

export const NOTIFICATION_LIST_MAX = 50;

/** No text and no link: the UI words the message from `kind` in the reader's language (see notificationHref). */
export type NotificationItem = {
  id: string;
  kind: Notification["kind"];
  createdAt: Date;
  readAt: Date | null;
};

export type ListOwnNotificationsParams = { limit?: number };

// Every role receives notifications, so there is no permission to check: only that someone is signed in.
function assertSignedIn(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new DalError("unauthenticated");
}

/** The actor's most recent notifications, newest first. */
export async function listOwnNotifications(
  actor: Actor,
  { limit = 20 }: ListOwnNotificationsParams = {},
): Promise<NotificationItem[]> {
  assertSignedIn(actor);
  const take = Math.min(Math.max(Math.trunc(limit) || 1, 1), NOTIFICATION_LIST_MAX);
  const db = await getDb();
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(take);
  // Not audited: the bell polls every 30 s and a row carries no clinical content, only a kind.
  return rows;
}

export async function countUnread(actor: Actor): Promise<number> {
  assertSignedIn(actor);
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

const idsSchema = z.array(z.uuid()).max(NOTIFICATION_LIST_MAX);

/**
 * Marks the actor's own notifications read: the given ids, or "all". Ids of other users' rows match
 * nothing, because the owner is in the WHERE clause. Returns how many rows changed.
 */
export async function markNotificationsRead(actor: Actor, ids: string[] | "all"): Promise<number> {
  assertSignedIn(actor);
  if (ids !== "all" && !idsSchema.safeParse(ids).success) throw new DalError("invalid", "notification");
  if (ids !== "all" && ids.length === 0) return 0;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, actor.id),
          isNull(notifications.readAt),
          ids === "all" ? undefined : inArray(notifications.id, ids),
        ),
      )
      .returning({ id: notifications.id });
    if (changed.length > 0) {
      await recordAudit(tx, {
        action: "notification.read",
        actor,
        entityType: "notification",
        entityId: ids === "all" ? "all" : changed.length === 1 ? changed[0].id : null,
      });
    }
    return changed.length;
  });
}
