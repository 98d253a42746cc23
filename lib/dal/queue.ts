import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { compareQueue, type TriageLevel, type TriageReason } from "@/lib/domain/triage";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

export type QueueCase = {
  patientId: string;
  patientName: string;
  assignedToMe: boolean;
  level: TriageLevel;
  reasons: TriageReason[];
  unreviewedCount: number;
  oldestUnreviewedAt: Date;
  newestReportAt: Date;
};

type QueueRow = {
  patient_id: string;
  patient_name: string;
  assigned_to_me: boolean;
  level: TriageLevel;
  reasons: string[];
  unreviewed: number | string;
  oldest: Date | string;
  newest: Date | string;
};

/**
 * The doctor's triage queue: their patients and unassigned ones with active reports newer than the newest
 * report an evaluation covers. A case ranks by its most serious unreviewed report. The database does the
 * grouping so the queue costs one round trip whatever the clinic's size.
 */
export async function listTriageQueue(actor: Actor): Promise<QueueCase[]> {
  assertCan(actor, "case:read");
  const db = await getDb();
  const result = await db.execute(sql`
    with candidates as (
      select u.id, u.name, p.assigned_doctor_id = ${actor.id} as mine
      from patient_profiles p join users u on u.id = p.user_id
      where u.status = 'active' and (p.assigned_doctor_id = ${actor.id} or p.assigned_doctor_id is null)
    ),
    last_covered as (
      select r.patient_id, max(r.created_at) as at
      from spasm_reports r join evaluations e on e.covers_report_id = r.id
      where r.patient_id in (select id from candidates) and r.status = 'active'
      group by r.patient_id
    ),
    unreviewed as (
      select r.patient_id, r.triage_level, r.triage_reasons, r.created_at,
        row_number() over (
          partition by r.patient_id
          order by case r.triage_level when 'urgent' then 2 when 'soon' then 1 else 0 end desc,
                   cardinality(r.triage_reasons) desc, r.created_at desc
        ) as worst_rank,
        count(*) over (partition by r.patient_id) as unreviewed,
        min(r.created_at) over (partition by r.patient_id) as oldest,
        max(r.created_at) over (partition by r.patient_id) as newest
      from spasm_reports r left join last_covered lc on lc.patient_id = r.patient_id
      where r.patient_id in (select id from candidates) and r.status = 'active'
        and (lc.at is null or r.created_at > lc.at)
    )
    select c.id as patient_id, c.name as patient_name, coalesce(c.mine, false) as assigned_to_me,
      u.triage_level as level, u.triage_reasons as reasons, u.unreviewed, u.oldest, u.newest
    from unreviewed u join candidates c on c.id = u.patient_id
    where u.worst_rank = 1
  `);
  // postgres.js returns the rows as the result; PGlite wraps them in { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: QueueRow[] }).rows) as QueueRow[];
  const cases: QueueCase[] = rows.map((r) => ({
    patientId: r.patient_id,
    patientName: r.patient_name,
    assignedToMe: r.assigned_to_me,
    level: r.level,
    reasons: r.reasons as TriageReason[],
    unreviewedCount: Number(r.unreviewed),
    oldestUnreviewedAt: new Date(r.oldest),
    newestReportAt: new Date(r.newest),
  }));
  cases.sort((a, b) =>
    compareQueue(
      { level: a.level, reasonCount: a.reasons.length, since: a.oldestUnreviewedAt },
      { level: b.level, reasonCount: b.reasons.length, since: b.oldestUnreviewedAt },
    ),
  );
  await recordAudit(db, { action: "queue.read", actor, entityType: "queue" });
  return cases;
}
