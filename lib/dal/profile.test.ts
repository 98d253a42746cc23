import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, patientProfiles } from "@/lib/db/schema";
import type { ProfileInput } from "@/lib/validations/profile";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { getOwnProfile, updateOwnProfile } from "./profile";

const input: ProfileInput = {
  dateOfBirth: "1975-09-30",
  sex: "male",
  conditions: ["organ_failure", "diabetes"],
  conditionsOther: "Asthma",
  medicines: ["diuretic"],
  medicinesOther: "Magnesium 300 mg",
  phone: "+33612345678",
  emergencyContactName: "Marie Durand",
  emergencyContactRelation: "Sister",
  emergencyContactPhone: "+442079460958",
};

describeDb("profile DAL", ({ db }) => {
  it("saves and reads the patient's own profile, with the assigned doctor's name", async () => {
    const doctor = await createUser(db(), { role: "doctor", name: "Dr Claire Martin" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    await updateOwnProfile(patient, input);
    const profile = await getOwnProfile(patient);
    expect(profile).toMatchObject({ ...input, assignedDoctorName: "Dr Claire Martin" });
    expect(profile.updatedAt).toBeInstanceOf(Date);
  });

  it("says no doctor is assigned yet, and starts empty", async () => {
    const patient = await createUser(db(), { role: "patient" });
    expect(await getOwnProfile(patient)).toMatchObject({
      dateOfBirth: null,
      sex: null,
      conditions: [],
      medicines: [],
      assignedDoctorName: null,
    });
  });

  it("audits reads and updates in the patient's name", async () => {
    const patient = await createUser(db(), { role: "patient" });
    await getOwnProfile(patient);
    await updateOwnProfile(patient, input);
    const events = await db()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.patientId, patient.id));
    expect(events.map((e) => e.action).sort()).toEqual(["profile.read", "profile.update"]);
    expect(events.every((e) => e.actorId === patient.id)).toBe(true);
  });

  it("changes only the actor's own row, never the assigned doctor", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const a = await createUser(db(), { role: "patient", doctorId: doctor.id });
    const b = await createUser(db(), { role: "patient" });
    await updateOwnProfile(b, { ...input, conditions: ["pregnancy"] });
    const [rowA] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, a.id));
    expect(rowA).toMatchObject({ dateOfBirth: null, conditions: [], assignedDoctorId: doctor.id });
    await updateOwnProfile(a, input);
    expect((await getOwnProfile(a)).assignedDoctorName).toBe(doctor.name);
    expect((await getOwnProfile(b)).conditions).toEqual(["pregnancy"]);
  });

  it("patient B reads their own profile, never A's", async () => {
    const a = await createUser(db(), { role: "patient" });
    const b = await createUser(db(), { role: "patient" });
    await updateOwnProfile(a, input);
    expect((await getOwnProfile(b)).dateOfBirth).toBeNull();
  });

  it("refuses invalid input and saves nothing", async () => {
    const patient = await createUser(db(), { role: "patient" });
    const bad: ProfileInput[] = [
      { ...input, dateOfBirth: "2999-01-01" },
      { ...input, dateOfBirth: `${new Date().getFullYear() - 122}-01-01` },
      { ...input, conditions: ["vampirism" as never] },
    ];
    for (const b of bad) await expect(updateOwnProfile(patient, b)).rejects.toThrow("invalid");
    expect((await getOwnProfile(patient)).dateOfBirth).toBeNull();
    const updates = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "profile.update")));
    expect(updates).toEqual([]);
  });

  it("refuses doctors and admins (forbidden)", async () => {
    for (const role of ["doctor", "admin"] as const) {
      const staff = await createUser(db(), { role });
      await expect(getOwnProfile(staff)).rejects.toThrow("forbidden");
      await expect(updateOwnProfile(staff, input)).rejects.toThrow("forbidden");
    }
  });

  it("stores phone numbers typed in French or international form as E.164, and refuses invalid ones", async () => {
    const patient = await createUser(db(), { role: "patient" });
    await updateOwnProfile(patient, {
      ...input,
      phone: "06 12 34 56 78",
      emergencyContactPhone: "0033 1 23 45 67 89",
    } as ProfileInput);
    const [row] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, patient.id));
    expect(row).toMatchObject({ phone: "+33612345678", emergencyContactPhone: "+33123456789" });
    await expect(updateOwnProfile(patient, { ...input, phone: "06 12 34" })).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(
      updateOwnProfile(patient, { ...input, emergencyContactName: null, emergencyContactRelation: null }),
    ).rejects.toMatchObject({ code: "invalid" });
    const [after] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, patient.id));
    expect(after.phone).toBe("+33612345678");
  });
});
