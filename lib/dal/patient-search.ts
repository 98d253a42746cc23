import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { breakGlassGrants } from "@/lib/db/schema";
import { ageOn } from "@/lib/domain/age";
import { BREAK_GLASS_HOURS, BREAK_GLASS_REASON_MIN } from "@/lib/dto/access";
import type { PatientSearchResult } from "@/lib/dto/case";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { notify } from "./notify";
import { assertCan } from "./guard";
import { rowsOf } from "./queue";

const SEARCH_LIMIT = 20;

/**
 * Clinic-wide patient search by name or exact date of birth (YYYY-MM-DD). Shows only name, age and assigned
 * doctor: enough to find a patient, nothing clinical. Audited with the result count, not the query text.
 */
export async function searchPatients(actor: Actor, query: string): Promise<PatientSearchResult[]> {
  assertCan(actor, "case:read");
  const q = query.trim().slice(0, 100);
  if (q.length < 2) return [];
  const db = await getDb();
  const dob = /^\d{4}-\d{2}-\d{2}$/.test(q) && !Number.isNaN(Date.parse(q)) ? q : null;
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = rowsOf<{
    id: string;
    name: string;
    dob: string | null;
    doctor_id: string | null;
    doctor_name: string | null;
  }>(
    await db.execute(sql`
      select u.id, u.name, p.date_of_birth::text as dob, d.id as doctor_id, d.name as doctor_name
      from users u join patient_profiles p on p.user_id = u.id left join users d on d.id = p.assigned_doctor_id
      where u.role = 'patient' and ${dob ? sql`p.date_of_birth = ${dob}` : sql`lower(u.name) like ${pattern}`}
      order by u.name, u.id
      limit ${SEARCH_LIMIT}`),
  );
  await recordAudit(db, {
    action: "patient.search",
    actor,
    entityType: "search",
    entityId: String(rows.length),
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    age: ageOn(r.dob),
    assignedDoctorName: r.doctor_name,
    assignment: r.doctor_id === actor.id ? "mine" : r.doctor_id === null ? "unassigned" : "other",
  }));
}

/**
 * Break the glass: time-limited access to a patient of another doctor, with a stated reason. Audited as
 * break_glass (listed for admins) and the patient's own doctor is notified. A live grant is reused, not stacked.
 */
export async function breakGlass(
  actor: Actor,
  patientId: string,
  reason: string,
): Promise<{ expiresAt: Date }> {
  assertCan(actor, "case:read");
  const why = reason.trim();
  if (why.length < BREAK_GLASS_REASON_MIN || why.length > 500) throw new DalError("invalid", "reason");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [patient] = rowsOf<{ assigned_doctor_id: string | null }>(
      await tx.execute(sql`select p.assigned_doctor_id from patient_profiles p join users u on u.id = p.user_id
        where p.user_id = ${patientId} and u.role = 'patient'`),
    );
    if (!patient) throw new DalError("not_found", "patient");
    // Your own or an unassigned patient needs no glass broken.
    if (patient.assigned_doctor_id === actor.id || patient.assigned_doctor_id === null) {
      throw new DalError("conflict", "patient");
    }
    const now = new Date();
    const [live] = await tx
      .select({ expiresAt: breakGlassGrants.expiresAt })
      .from(breakGlassGrants)
      .where(
        and(
          eq(breakGlassGrants.doctorId, actor.id),
          eq(breakGlassGrants.patientId, patientId),
          gt(breakGlassGrants.expiresAt, now),
        ),
      )
      .limit(1);
    if (live) return { expiresAt: live.expiresAt };
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
    const [grant] = await tx
      .insert(breakGlassGrants)
      .values({ doctorId: actor.id, patientId, reason: why, expiresAt })
      .returning({ id: breakGlassGrants.id });
    await notify(tx, { to: patient.assigned_doctor_id, kind: "break_glass", patientId, entityId: grant.id });
    await recordAudit(tx, {
      action: "break_glass",
      actor,
      patientId,
      entityType: "break_glass_grant",
      entityId: grant.id,
    });
    return { expiresAt };
  });
}

/** What the break-glass offer may show of a patient it refuses: the search card (name, age, doctor), no more. */
export async function getPatientCard(actor: Actor, patientId: string): Promise<PatientSearchResult | null> {
  assertCan(actor, "case:read");
  const db = await getDb();
  const [r] = rowsOf<{
    id: string;
    name: string;
    dob: string | null;
    doctor_id: string | null;
    doctor_name: string | null;
  }>(
    await db.execute(sql`
      select u.id, u.name, p.date_of_birth::text as dob, d.id as doctor_id, d.name as doctor_name
      from users u join patient_profiles p on p.user_id = u.id left join users d on d.id = p.assigned_doctor_id
      where u.id = ${patientId} and u.role = 'patient'`),
  );
  if (!r) return null;
  return {
    id: r.id,
    name: r.name,
    age: ageOn(r.dob),
    assignedDoctorName: r.doctor_name,
    assignment: r.doctor_id === actor.id ? "mine" : r.doctor_id === null ? "unassigned" : "other",
  };
}
