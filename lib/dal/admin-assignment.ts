import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { patientProfiles, users } from "@/lib/db/schema";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { MAX_BULK_ASSIGN } from "@/lib/validations/admin";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";
import { refreshTriageCase } from "./triage-cases";

export type DoctorPanel = {
  id: string;
  name: string;
  email: string;
  status: "active" | "disabled";
  /** Active patients assigned to this doctor. */
  panelSize: number;
};

export type AssignPatientsParams = { patientIds: string[]; doctorId: string | null };

/**
 * Assigns (doctorId) or unassigns (null) one or many patients. Each patient whose doctor changes gets an audit
 * event and a refreshed queue row in the same transaction, so the doctors' queues and the patient's "My doctor"
 * follow at once. Patients are locked in id order so two bulk assignments cannot deadlock.
 */
export async function assignPatients(
  actor: Actor,
  { patientIds, doctorId }: AssignPatientsParams,
): Promise<{ changed: number }> {
  assertCan(actor, "assignment:manage");
  const ids = [...new Set(patientIds)].sort();
  if (ids.length === 0 || ids.length > MAX_BULK_ASSIGN) throw new DalError("invalid", "patientIds");
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (doctorId) {
      const [doctor] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, doctorId), eq(users.role, "doctor"), eq(users.status, "active")))
        .for("share");
      if (!doctor) throw new DalError("invalid", "doctorId");
    }
    const rows = await tx
      .select({ patientId: patientProfiles.userId, current: patientProfiles.assignedDoctorId })
      .from(patientProfiles)
      .innerJoin(users, eq(users.id, patientProfiles.userId))
      .where(and(inArray(patientProfiles.userId, ids), eq(users.role, "patient")))
      .orderBy(asc(patientProfiles.userId))
      .for("update", { of: patientProfiles });
    if (rows.length !== ids.length) throw new DalError("not_found", "patient");
    let changed = 0;
    for (const row of rows) {
      if (row.current === doctorId) continue;
      await tx
        .update(patientProfiles)
        .set({ assignedDoctorId: doctorId, updatedAt: new Date() })
        .where(eq(patientProfiles.userId, row.patientId));
      await refreshTriageCase(tx, row.patientId);
      await recordAudit(tx, {
        action: "assignment.update",
        actor,
        patientId: row.patientId,
        entityType: "patient",
        entityId: row.patientId,
      });
      changed++;
    }
    return { changed };
  });
}

/** Every doctor with their panel size, for the assignment menus. Names and counts only. */
export async function listDoctorPanels(actor: Actor): Promise<DoctorPanel[]> {
  assertCan(actor, "assignment:manage");
  const db = await getDb();
  const panel = sql<number>`(
    select count(*)::int from ${patientProfiles} pp join ${users} pu on pu.id = pp.user_id
    where pp.assigned_doctor_id = "users"."id" and pu.status = 'active'
  )`;
  return db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status, panelSize: panel })
    .from(users)
    .where(eq(users.role, "doctor"))
    .orderBy(asc(users.name), asc(users.id));
}
