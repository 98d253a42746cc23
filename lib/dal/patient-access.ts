import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { breakGlassGrants, patientProfiles, users } from "@/lib/db/schema";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { uuidSchema } from "@/lib/validations/common";
import { recordAudit, type AuditAction } from "./audit";
import { assertCan } from "./guard";

import type { AccessBasis } from "@/lib/dto/access";

export type { AccessBasis };

export type PatientAccess = {
  basis: AccessBasis;
  patientId: string;
  assignedDoctorId: string | null;
  /** Present when the basis is break-glass: the stated reason and when access ends. */
  grant: { reason: string; expiresAt: Date } | null;
};

class AccessDenied extends Error {
  constructor(readonly missing: boolean) {
    super("access denied");
  }
}

/**
 * The one rule for "may this doctor open this patient": their own patient, an unassigned one (the shared pool),
 * or a live break-glass grant. Anything else is refused. No other DAL function re-derives it.
 */
export async function resolvePatientAccess(tx: Db, actor: Actor, patientId: string): Promise<PatientAccess> {
  const [row] = await tx
    .select({ assignedDoctorId: patientProfiles.assignedDoctorId })
    .from(patientProfiles)
    .innerJoin(users, eq(users.id, patientProfiles.userId))
    .where(and(eq(patientProfiles.userId, patientId), eq(users.role, "patient")))
    .limit(1);
  if (!row) throw new AccessDenied(true);
  const base = { patientId, assignedDoctorId: row.assignedDoctorId };
  if (row.assignedDoctorId === actor.id) return { ...base, basis: "assigned", grant: null };
  if (row.assignedDoctorId === null) return { ...base, basis: "unassigned", grant: null };
  const [grant] = await tx
    .select({ reason: breakGlassGrants.reason, expiresAt: breakGlassGrants.expiresAt })
    .from(breakGlassGrants)
    .where(
      and(
        eq(breakGlassGrants.doctorId, actor.id),
        eq(breakGlassGrants.patientId, patientId),
        gt(breakGlassGrants.expiresAt, new Date()),
      ),
    )
    .orderBy(breakGlassGrants.expiresAt)
    .limit(1);
  if (grant) return { ...base, basis: "break_glass", grant };
  throw new AccessDenied(false);
}

/**
 * Runs `work` in one transaction after the access check. A refusal is audited outside the rolled-back
 * transaction and surfaces as not_found (no such patient) or forbidden (someone else's patient: the case page
 * offers break-glass). Every clinician function on a patient's data goes through here.
 */
export async function withPatientAccess<T>(
  actor: Actor,
  patientId: string,
  action: AuditAction,
  work: (tx: Db, access: PatientAccess) => Promise<T>,
): Promise<T> {
  assertCan(actor, "case:read");
  const db = await getDb();
  const deny = async (missing: boolean): Promise<never> => {
    await recordAudit(db, {
      action,
      actor,
      outcome: "denied",
      patientId: missing ? null : patientId,
      entityType: "patient",
      entityId: patientId.slice(0, 64),
    });
    throw new DalError(missing ? "not_found" : "forbidden", "patient");
  };
  if (!uuidSchema.safeParse(patientId).success) return deny(true);
  try {
    return await db.transaction(async (tx) => work(tx, await resolvePatientAccess(tx, actor, patientId)));
  } catch (err) {
    if (err instanceof AccessDenied) return deny(err.missing);
    throw err;
  }
}
