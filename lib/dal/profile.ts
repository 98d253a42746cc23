import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db";
import { patientProfiles, users } from "@/lib/db/schema";
import { CONDITIONS, MEDICINES, type Condition, type Medicine, type Sex } from "@/lib/domain/report-fields";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { profileSchema, type ProfileInput } from "@/lib/validations/profile";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

export type OwnProfile = {
  dateOfBirth: string | null;
  sex: Sex | null;
  conditions: Condition[];
  conditionsOther: string | null;
  medicines: Medicine[];
  medicinesOther: string | null;
  /** E.164, as stored; the clinic calls back on these. */
  phone: string | null;
  emergencyContactName: string | null;
  emergencyContactRelation: string | null;
  emergencyContactPhone: string | null;
  assignedDoctorName: string | null;
  updatedAt: Date | null;
};

const doctors = alias(users, "doctor");

function knownCodes<T extends string>(codes: readonly T[], stored: string[]): T[] {
  return codes.filter((c) => stored.includes(c));
}

/** The patient's own profile and the name of their assigned doctor. Reading is audited. */
export async function getOwnProfile(actor: Actor): Promise<OwnProfile> {
  assertCan(actor, "profile:edit-own");
  const db = await getDb();
  const [row] = await db
    .select({
      dateOfBirth: patientProfiles.dateOfBirth,
      sex: patientProfiles.sex,
      conditions: patientProfiles.conditions,
      conditionsOther: patientProfiles.conditionsOther,
      medicines: patientProfiles.medicines,
      medicinesOther: patientProfiles.medicinesOther,
      phone: patientProfiles.phone,
      emergencyContactName: patientProfiles.emergencyContactName,
      emergencyContactRelation: patientProfiles.emergencyContactRelation,
      emergencyContactPhone: patientProfiles.emergencyContactPhone,
      assignedDoctorName: doctors.name,
      updatedAt: patientProfiles.updatedAt,
    })
    .from(patientProfiles)
    .leftJoin(doctors, eq(doctors.id, patientProfiles.assignedDoctorId))
    .where(eq(patientProfiles.userId, actor.id))
    .limit(1);
  await recordAudit(db, {
    action: "profile.read",
    actor,
    patientId: actor.id,
    entityType: "patient_profile",
    entityId: actor.id,
  });
  if (!row) {
    return {
      dateOfBirth: null,
      sex: null,
      conditions: [],
      conditionsOther: null,
      medicines: [],
      medicinesOther: null,
      phone: null,
      emergencyContactName: null,
      emergencyContactRelation: null,
      emergencyContactPhone: null,
      assignedDoctorName: null,
      updatedAt: null,
    };
  }
  // Codes retired from the catalogue are dropped rather than shown as raw strings.
  return {
    ...row,
    conditions: knownCodes(CONDITIONS, row.conditions),
    medicines: knownCodes(MEDICINES, row.medicines),
  };
}

/**
 * Saves the patient's own background. Re-validated here because the DAL, not the caller, is the boundary.
 * The assigned doctor is never touched: only admins assign.
 */
export async function updateOwnProfile(actor: Actor, input: ProfileInput): Promise<void> {
  assertCan(actor, "profile:edit-own");
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) throw new DalError("invalid", "profile");
  const values = { ...parsed.data, updatedAt: new Date() };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(patientProfiles)
      .values({ userId: actor.id, ...values })
      .onConflictDoUpdate({ target: patientProfiles.userId, set: values });
    await recordAudit(tx, {
      action: "profile.update",
      actor,
      patientId: actor.id,
      entityType: "patient_profile",
      entityId: actor.id,
    });
  });
}
