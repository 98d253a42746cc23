import "server-only";
import { and, count, desc, eq, isNull, ne, or } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditEvents, users } from "@/lib/db/schema";
import type { Actor, Role } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

export const ACCESS_LOG_PAGE_SIZE = 20;

/** Who, in what role, did what, when: no entity ids, request ids or content. */
export type AccessLogEntry = {
  id: number;
  at: Date;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
};

export type AccessLogPage = {
  entries: AccessLogEntry[];
  page: number;
  pageCount: number;
  total: number;
};

export type ListOwnAccessLogParams = { page?: number };

/**
 * "Who saw my record": successful events on the patient's data by anyone but the patient, newest first.
 * A deleted staff account keeps its role on the event and shows without a name.
 */
export async function listOwnAccessLog(
  actor: Actor,
  { page = 1 }: ListOwnAccessLogParams = {},
): Promise<AccessLogPage> {
  assertCan(actor, "access-log:read-own");
  const db = await getDb();
  const where = and(
    eq(auditEvents.patientId, actor.id),
    eq(auditEvents.outcome, "success"),
    or(isNull(auditEvents.actorId), ne(auditEvents.actorId, actor.id)),
  );
  const [{ total }] = await db.select({ total: count() }).from(auditEvents).where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / ACCESS_LOG_PAGE_SIZE));
  const current = Math.min(Math.max(Math.trunc(page) || 1, 1), pageCount);
  const entries = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(ACCESS_LOG_PAGE_SIZE)
    .offset((current - 1) * ACCESS_LOG_PAGE_SIZE);
  await recordAudit(db, { action: "access_log.read", actor, patientId: actor.id, entityType: "access_log" });
  return { entries, page: current, pageCount, total: Number(total) };
}
