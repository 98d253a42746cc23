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
export async function refreshTriageCase(
  tx: Db,
  patientId: string,
  options: { profileLocked?: boolean } = {},
): Promise<void> {
  // A caller that already holds the lock in this transaction (createReport) skips taking it again.
  if (!options.profileLocked)
    await tx.execute(sql`select 1 from patient_profiles where user_id = ${patientId} for update`);
  const upserted = await tx.execute(
    sql`${upsertTriageCases(sql`pp.user_id = ${patientId}`)} returning patient_id`,
  );
  // The patient has a case (the usual answer to a new report): the summary query just found it, so the delete
  // below would find nothing to remove. Skipping it saves a second run of that query on every report.
  if ((Array.isArray(upserted) ? upserted : (upserted as { rows: unknown[] }).rows).length > 0) return;
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
