import "server-only";
import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/lib/db";
import { auditEvents, breakGlassGrants, users } from "@/lib/db/schema";
import type { Actor, Role } from "@/lib/permissions";
import { AUDIT_PAGE_SIZE, type AuditFilters } from "@/lib/validations/admin";
import { likePattern } from "./admin-users";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

// The audit log shows who, what kind of thing, which patient, when, the outcome and where from. It holds no
// content, and these DTOs carry none: no entity ids either, only their kind.

export const BREAK_GLASS_ACTION = "break_glass";
const CLINIC_TZ = "Europe/Paris";

export type AuditRow = {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  action: string;
  outcome: "success" | "denied" | "failure";
  patientName: string | null;
  entityType: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/**
 * `total` is exact up to AUDIT_COUNT_CAP; past it `totalCapped` is true and `total` is the cap ("10 000+"), as large
 * consoles do: an exact count of a log of millions reads all of it on every page view. `pageCount` is then a lower
 * bound and `hasNext` says whether a next page exists.
 */
export type AuditPage = {
  rows: AuditRow[];
  page: number;
  pageCount: number;
  total: number;
  totalCapped: boolean;
  hasNext: boolean;
};

/** Matching events counted at most; beyond, the total shows as "10 000+". */
export const AUDIT_COUNT_CAP = 10_000;

const actorUser = alias(users, "actor");
const patientUser = alias(users, "patient");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rowColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorName: actorUser.name,
  actorEmail: actorUser.email,
  actorRole: auditEvents.actorRole,
  action: auditEvents.action,
  outcome: auditEvents.outcome,
  patientName: patientUser.name,
  entityType: auditEvents.entityType,
  requestId: auditEvents.requestId,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
};

/**
 * A person filter: an exact id, or a piece of a name or e-mail. The name search is a subquery on users, so the
 * events are then probed by the (person id, at) index instead of joining every event to its user to test the name.
 */
function personMatches(db: Db, idColumn: AnyPgColumn, q: string): SQL {
  if (UUID.test(q)) return eq(idColumn, q.toLowerCase());
  return inArray(
    idColumn,
    db
      .select({ id: users.id })
      .from(users)
      .where(or(ilike(users.name, likePattern(q)), ilike(users.email, likePattern(q)))),
  );
}

/** Dates are the clinic's calendar days: "to" includes the whole day. */
function auditWhere(db: Db, f: Omit<AuditFilters, "page">): SQL | undefined {
  return and(
    f.actor ? personMatches(db, auditEvents.actorId, f.actor) : undefined,
    f.patient ? personMatches(db, auditEvents.patientId, f.patient) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.outcome ? eq(auditEvents.outcome, f.outcome) : undefined,
    f.from ? gte(auditEvents.at, sql`(${f.from}::date)::timestamp at time zone ${CLINIC_TZ}`) : undefined,
    f.to ? lt(auditEvents.at, sql`(${f.to}::date + 1)::timestamp at time zone ${CLINIC_TZ}`) : undefined,
  );
}

function baseQuery(db: Db) {
  return db
    .select(rowColumns)
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(patientUser, eq(patientUser.id, auditEvents.patientId))
    .$dynamic();
}

/**
 * Newest first, filtered and paged in SQL, with a capped count (see AuditPage): the count stops at the cap, so
 * it reads at most AUDIT_COUNT_CAP + 1 index entries whatever the size of the log. Reading the log is audited.
 */
export async function listAuditEvents(actor: Actor, filters: AuditFilters): Promise<AuditPage> {
  assertCan(actor, "audit:read");
  const db = await getDb();
  const where = auditWhere(db, filters);
  const matching = db
    .select({ one: sql`1` })
    .from(auditEvents)
    .where(where)
    .limit(AUDIT_COUNT_CAP + 1)
    .as("matching");
  const [{ counted }] = await db.select({ counted: count() }).from(matching);
  const totalCapped = counted > AUDIT_COUNT_CAP;
  const total = Math.min(counted, AUDIT_COUNT_CAP);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  // Past the cap any page may be asked for; an exact total bounds it.
  const page = Math.max(1, totalCapped ? filters.page : Math.min(filters.page, pageCount));
  const found = await baseQuery(db)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  const hasNext = found.length > AUDIT_PAGE_SIZE;
  const rows = found.slice(0, AUDIT_PAGE_SIZE);
  await recordAudit(db, { action: "audit.read", actor, entityType: "audit_log" });
  return {
    rows,
    page,
    pageCount: totalCapped ? Math.max(pageCount, page) : pageCount,
    total,
    totalCapped,
    hasNext,
  };
}

const EXPORT_BATCH = 500;

/**
 * Every row matching the filters, newest first, in batches read by keyset (id below the last one seen), so an
 * export of millions of rows never sits in memory. The export itself is audited before the first row.
 */
export async function* streamAuditEvents(
  actor: Actor,
  filters: Omit<AuditFilters, "page">,
): AsyncGenerator<AuditRow[]> {
  assertCan(actor, "audit:read");
  const db = await getDb();
  await recordAudit(db, { action: "audit.export", actor, entityType: "audit_log" });
  const where = auditWhere(db, filters);
  let below: number | null = null;
  for (;;) {
    const batch: AuditRow[] = await baseQuery(db)
      .where(and(where, below === null ? undefined : lt(auditEvents.id, below)))
      .orderBy(desc(auditEvents.id))
      .limit(EXPORT_BATCH);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < EXPORT_BATCH) return;
    below = batch[batch.length - 1].id;
  }
}

/** The distinct action codes present, for the filter menu: a loose index scan, cheap on a large log. */
export async function listAuditActions(actor: Actor): Promise<string[]> {
  assertCan(actor, "audit:read");
  const db = await getDb();
  const result = await db.execute(sql`
    with recursive a(action) as (
      (select action from audit_events order by action limit 1)
      union all
      select (select e.action from audit_events e where e.action > a.action order by e.action limit 1)
      from a where a.action is not null
    )
    select action from a where action is not null`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { action: string }[] }).rows) as {
    action: string;
  }[];
  return rows.map((r) => r.action);
}

export type BreakGlassRow = {
  id: string;
  doctorName: string;
  patientName: string;
  reason: string;
  createdAt: Date;
  expiresAt: Date;
};

export type BreakGlassPage = { rows: BreakGlassRow[]; page: number; pageCount: number; total: number };

/** Emergency openings of another doctor's patient, with the reason the doctor stated. Newest first. */
export async function listBreakGlassGrants(
  actor: Actor,
  { page = 1 }: { page?: number },
): Promise<BreakGlassPage> {
  assertCan(actor, "audit:read");
  const db = await getDb();
  const [{ total }] = await db.select({ total: count() }).from(breakGlassGrants);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(page, 1), pageCount);
  const doctor = alias(users, "doctor");
  const patient = alias(users, "patient");
  const rows = await db
    .select({
      id: breakGlassGrants.id,
      doctorName: doctor.name,
      patientName: patient.name,
      reason: breakGlassGrants.reason,
      createdAt: breakGlassGrants.createdAt,
      expiresAt: breakGlassGrants.expiresAt,
    })
    .from(breakGlassGrants)
    .innerJoin(doctor, eq(doctor.id, breakGlassGrants.doctorId))
    .innerJoin(patient, eq(patient.id, breakGlassGrants.patientId))
    .orderBy(desc(breakGlassGrants.createdAt), desc(breakGlassGrants.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE);
  await recordAudit(db, { action: "audit.read", actor, entityType: "break_glass_grant" });
  return { rows, page: current, pageCount, total };
}
