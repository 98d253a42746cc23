import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { triageCaseSelect, upsertTriageCases } from "@/lib/db/triage-case-sql";

/**
 * Recomputes one patient's row of the doctor's queue. Call it inside the transaction of every change that moves
 * the case: a new report, a withdrawal, an evaluation signed, an assignment, an account disabled or enabled.
 * Locking the profile row first serialises concurrent changes to one patient, so the last writer computes from
 * everything committed before it (no stale summary).
 */
export async function refreshTriageCase(tx: Db, patientId: string): Promise<void> {
  await tx.execute(sql`select 1 from patient_profiles where user_id = ${patientId} for update`);
  await tx.execute(upsertTriageCases(sql`pp.user_id = ${patientId}`));
  await tx.execute(sql`
    delete from triage_cases t where t.patient_id = ${patientId}
      and not exists (${triageCaseSelect(sql`pp.user_id = ${patientId}`)})`);
}

/** Rebuilds the whole summary set-based (bench data, repairs). Not for request paths. */
export async function rebuildTriageCases(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from triage_cases where true`);
    await tx.execute(upsertTriageCases(sql`true`));
  });
}
