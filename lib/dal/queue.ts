import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { ageOn } from "@/lib/domain/age";
import { LEVEL_RANK, TRIAGE_LEVELS, type TriageLevel, type TriageReason } from "@/lib/domain/triage";
import type { QueueCounts, QueuePage, QueueRow } from "@/lib/dto/queue";
import type { QueueQuery } from "@/lib/validations/queue";
import type { Actor } from "@/lib/permissions";
import { DalError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";
import { refreshTriageCase } from "./triage-cases";

type Row = {
  patient_id: string;
  patient_name: string;
  date_of_birth: string | null;
  assigned_doctor_id: string | null;
  level: TriageLevel;
  reasons: string[];
  sites: string[];
  unreviewed_count: number | string;
  oldest: Date | string;
  newest: Date | string;
};

/** postgres.js returns the rows as the result; PGlite wraps them in { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

// NULLS LAST matches the indexes drizzle-kit writes (the columns are NOT NULL, so the order is the same) and lets
// each branch walk its index instead of sorting every case of the doctor.
const ORDER = sql.raw(
  "level_rank desc nulls last, reason_count desc nulls last, oldest_unreviewed_at asc, patient_id asc",
);

/** One branch of the queue: cases of one assignment (a doctor, or the unassigned pool), ordered, limited. */
function branch(assigned: string | null, level: TriageLevel | undefined, limit: number): SQL {
  const who = assigned === null ? sql`assigned_doctor_id is null` : sql`assigned_doctor_id = ${assigned}`;
  const lvl = level ? sql` and level_rank = ${LEVEL_RANK[level]}` : sql``;
  return sql`(select * from triage_cases where ${who}${lvl} order by ${ORDER} limit ${limit})`;
}

async function countByLevel(db: Db, assignments: (string | null)[]): Promise<QueueCounts> {
  const counts: QueueCounts = { urgent: 0, soon: 0, routine: 0 };
  for (const a of assignments) {
    const who = a === null ? sql`assigned_doctor_id is null` : sql`assigned_doctor_id = ${a}`;
    const rows = rowsOf<{ level_rank: number; n: number | string }>(
      await db.execute(
        sql`select level_rank, count(*) as n from triage_cases where ${who} group by level_rank`,
      ),
    );
    for (const r of rows) {
      const level = TRIAGE_LEVELS.find((l) => LEVEL_RANK[l] === Number(r.level_rank));
      if (level) counts[level] += Number(r.n);
    }
  }
  return counts;
}

/**
 * One page of the doctor's triage queue, read from the triage_cases summary: their own patients and/or the
 * unassigned pool, ordered as triage.md says (urgent first, more reasons, oldest unreviewed). Each assignment is
 * a limited, index-ordered branch, so the cost follows the page, not the size of the clinic. Not audited per
 * call: the page polls every 30 s and shows no clinical detail beyond the triage summary; opening a case is.
 */
export async function listTriageQueue(actor: Actor, query: QueueQuery): Promise<QueuePage> {
  assertCan(actor, "case:read");
  const db = await getDb();
  const { scope, level, page, pageSize } = query;
  const assignments: (string | null)[] =
    scope === "mine" ? [actor.id] : scope === "unassigned" ? [null] : [actor.id, null];
  const offset = (page - 1) * pageSize;
  const branches = assignments.map((a) => branch(a, level, offset + pageSize));
  const union = sql.join(branches, sql` union all `);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select q.patient_id, u.name as patient_name, p.date_of_birth, q.assigned_doctor_id, q.level, q.reasons,
        q.sites, q.unreviewed_count, q.oldest_unreviewed_at as oldest, q.newest_unreviewed_at as newest
      from (select * from (${union}) b order by ${ORDER} offset ${offset} limit ${pageSize}) q
      join users u on u.id = q.patient_id
      left join patient_profiles p on p.user_id = q.patient_id
      order by q.level_rank desc nulls last, q.reason_count desc nulls last, q.oldest_unreviewed_at asc, q.patient_id asc`),
  );
  const counts = await countByLevel(db, assignments);
  const total = level ? counts[level] : counts.urgent + counts.soon + counts.routine;
  const today = new Date();
  return {
    rows: rows.map((r): QueueRow => ({
      patientId: r.patient_id,
      patientName: r.patient_name,
      age: ageOn(r.date_of_birth, today),
      assignment: r.assigned_doctor_id === actor.id ? "mine" : "unassigned",
      level: r.level,
      reasons: r.reasons as TriageReason[],
      sites: r.sites,
      unreviewedCount: Number(r.unreviewed_count),
      oldestUnreviewedAt: new Date(r.oldest).toISOString(),
      newestUnreviewedAt: new Date(r.newest).toISOString(),
    })),
    total,
    counts,
    page,
    pageSize,
  };
}

/**
 * "Claim": an unassigned patient becomes mine. One conditional UPDATE is the race guard: of two doctors
 * claiming at once, one wins and the other gets conflict (and is told who now holds the case is not theirs).
 */
export async function claimPatient(actor: Actor, patientId: string): Promise<void> {
  assertCan(actor, "case:read");
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const rows = rowsOf<{ user_id: string }>(
      await tx.execute(sql`
        update patient_profiles p set assigned_doctor_id = ${actor.id}, updated_at = now()
        from users u
        where p.user_id = ${patientId} and u.id = p.user_id and u.role = 'patient' and u.status = 'active'
          and p.assigned_doctor_id is null
        returning p.user_id`),
    );
    if (rows.length === 0) return false;
    await refreshTriageCase(tx, patientId);
    await recordAudit(tx, {
      action: "case.claim",
      actor,
      patientId,
      entityType: "patient",
      entityId: patientId,
    });
    return true;
  });
  if (!claimed) {
    await recordAudit(db, {
      action: "case.claim",
      actor,
      outcome: "denied",
      entityType: "patient",
      entityId: patientId.slice(0, 64),
    });
    throw new DalError("conflict", "patient");
  }
}
