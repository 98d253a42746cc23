import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, patientProfiles, triageCases, users } from "@/lib/db/schema";
import type { ReportInput } from "@/lib/validations/report";
import { describeDb } from "@/test/db";
import { createUser, getUserRow, TEST_PASSWORD } from "@/test/fixtures";
import {
  changeAccountRole,
  createAccount,
  generateTemporaryPassword,
  replaceTemporaryPassword,
  resetAccountPassword,
  setAccountStatus,
  updateAccountDetails,
} from "./accounts";
import { resolveSession, verifyCredentials } from "./auth";
import { createReport } from "./reports";

const mildReport = (): ReportInput => ({
  startedAt: new Date(Date.now() - 3_600_000),
  ongoing: false,
  durationMinutes: 3,
  painScore: 2,
  redFlags: [],
  relief: "stretching_helped",
  pattern: "single_cramp",
  handImpact: "none",
  walkingImpact: "none",
  sites: [{ site: "calf", side: "left" }],
  triggers: ["exercise_fatigue"],
  conditions: [],
  notes: null,
});

describeDb("accounts DAL", ({ db }) => {
  const eventsFor = (entityId: string) =>
    db().select().from(auditEvents).where(eq(auditEvents.entityId, entityId));

  it("creates a doctor with a temporary password that works once and must be replaced", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const { id, temporaryPassword } = await createAccount(
      { ...admin, ip: "203.0.113.9", userAgent: "Vitest" },
      { role: "doctor", name: "Dr New", email: "Dr.New@Test.Example", locale: "fr" },
    );
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const row = await getUserRow(db(), id);
    expect(row).toMatchObject({ email: "dr.new@test.example", role: "doctor", mustChangePassword: true });
    expect(row.passwordHash).not.toContain(temporaryPassword);
    const signedIn = await verifyCredentials({ email: "dr.new@test.example", password: temporaryPassword });
    expect(signedIn).toMatchObject({ id, mustChangePassword: true });
    expect(await resolveSession({ userId: id, sessionVersion: signedIn!.sessionVersion })).toMatchObject({
      mustChangePassword: true,
    });
    const [event] = await eventsFor(id);
    expect(event).toMatchObject({
      action: "account.create",
      actorId: admin.id,
      actorRole: "admin",
      ip: "203.0.113.9",
      userAgent: "Vitest",
      requestId: admin.requestId,
    });
  });

  it("creates a patient with an empty profile, and refuses a taken e-mail whatever its case", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const { id } = await createAccount(admin, {
      role: "patient",
      name: "Pat",
      email: "pat.taken@test.example",
      locale: "en",
      temporaryPassword: "chosen by admin 1",
    });
    const [profile] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, id));
    expect(profile.assignedDoctorId).toBeNull();
    expect(
      await verifyCredentials({ email: "pat.taken@test.example", password: "chosen by admin 1" }),
    ).not.toBeNull();
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents);
    await expect(
      createAccount(admin, { role: "doctor", name: "X", email: "PAT.TAKEN@test.example", locale: "en" }),
    ).rejects.toThrow("conflict:email");
    // The refused change wrote nothing, audit included.
    expect(
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents),
    ).toEqual(before);
  });

  it("the forced change replaces the temporary password once, ends its sessions, and refuses reuse", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const { id, temporaryPassword } = await createAccount(admin, {
      role: "patient",
      name: "First Login",
      email: "first.login@test.example",
      locale: "en",
    });
    const stale = await getUserRow(db(), id);
    const actor = {
      id,
      role: "patient" as const,
      name: "",
      email: "",
      locale: "en" as const,
      requestId: "r",
    };
    await expect(replaceTemporaryPassword(actor, temporaryPassword)).rejects.toThrow(
      "invalid:password_reused",
    );
    await replaceTemporaryPassword(actor, "my own new password");
    const row = await getUserRow(db(), id);
    expect(row.mustChangePassword).toBe(false);
    expect(await resolveSession({ userId: id, sessionVersion: stale.sessionVersion })).toBeNull();
    expect(await verifyCredentials({ email: row.email, password: temporaryPassword })).toBeNull();
    expect(await verifyCredentials({ email: row.email, password: "my own new password" })).not.toBeNull();
    await expect(replaceTemporaryPassword(actor, "another new password")).rejects.toThrow(
      "conflict:password_already_changed",
    );
  });

  it("ends a re-roled user's session at the next request, and the new session carries the new role", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const u = await createUser(db(), { role: "doctor" });
    const claims = { userId: u.id, sessionVersion: u.sessionVersion };
    expect(await resolveSession(claims)).toMatchObject({ role: "doctor" });
    await changeAccountRole(admin, u.id, "admin");
    expect(await resolveSession(claims)).toBeNull();
    const fresh = await getUserRow(db(), u.id);
    expect(await resolveSession({ userId: u.id, sessionVersion: fresh.sessionVersion })).toMatchObject({
      role: "admin",
    });
    expect((await eventsFor(u.id)).map((e) => e.action)).toContain("account.role");
  });

  it("a password reset ends sessions, clears a lock and requires a new password", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const u = await createUser(db(), { role: "patient" });
    await db()
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, u.id));
    const { temporaryPassword } = await resetAccountPassword(admin, u.id);
    expect(await resolveSession({ userId: u.id, sessionVersion: u.sessionVersion })).toBeNull();
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: u.email, password: temporaryPassword })).toMatchObject({
      mustChangePassword: true,
    });
    const [event] = (await eventsFor(u.id)).filter((e) => e.action === "account.password_reset");
    expect(event).toMatchObject({ patientId: u.id, actorId: admin.id });
  });

  it("edits name, e-mail and language without ending sessions, refusing another account's e-mail", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const u = await createUser(db(), { role: "doctor" });
    const other = await createUser(db(), { role: "doctor" });
    await updateAccountDetails(admin, u.id, {
      name: "Dr Renamed",
      email: "Renamed@Test.Example",
      locale: "fr",
    });
    expect(await getUserRow(db(), u.id)).toMatchObject({
      name: "Dr Renamed",
      email: "renamed@test.example",
      locale: "fr",
    });
    expect(await resolveSession({ userId: u.id, sessionVersion: u.sessionVersion })).not.toBeNull();
    await expect(
      updateAccountDetails(admin, u.id, { name: "X", email: other.email.toUpperCase(), locale: "en" }),
    ).rejects.toThrow("conflict:email");
  });

  it("disabling a patient takes their case out of the queue; enabling brings it back", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const patient = await createUser(db(), { role: "patient" });
    await createReport(patient, mildReport());
    const inQueue = async () =>
      (await db().select().from(triageCases).where(eq(triageCases.patientId, patient.id))).length;
    expect(await inQueue()).toBe(1);
    await setAccountStatus(admin, patient.id, "disabled");
    expect(await inQueue()).toBe(0);
    await setAccountStatus(admin, patient.id, "active");
    expect(await inQueue()).toBe(1);
  });

  it("a disabled doctor's patients go back to the shared pool, each move audited", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    await createReport(patient, mildReport());
    await setAccountStatus(admin, doctor.id, "disabled");
    const [profile] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, patient.id));
    expect(profile.assignedDoctorId).toBeNull();
    const [queued] = await db().select().from(triageCases).where(eq(triageCases.patientId, patient.id));
    expect(queued.assignedDoctorId).toBeNull();
    const moves = await db().select().from(auditEvents).where(eq(auditEvents.patientId, patient.id));
    expect(moves.map((e) => e.action)).toContain("assignment.update");
  });

  it("an admin cannot disable or demote themselves", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await expect(setAccountStatus(admin, admin.id, "disabled")).rejects.toThrow("forbidden:self");
    await expect(changeAccountRole(admin, admin.id, "doctor")).rejects.toThrow("forbidden:self");
    expect(await getUserRow(db(), admin.id)).toMatchObject({ role: "admin", status: "active" });
  });

  it("generates distinct temporary passwords long enough for the password rule", () => {
    const seen = new Set(Array.from({ length: 50 }, generateTemporaryPassword));
    expect(seen.size).toBe(50);
    for (const p of seen) expect(p.length).toBeGreaterThanOrEqual(10);
  });
});

describeDb("last active admin", ({ db }) => {
  it("the last active admin can be neither disabled nor demoted", async () => {
    const a = await createUser(db(), { role: "admin" });
    const b = await createUser(db(), { role: "admin" });
    await changeAccountRole(a, b.id, "doctor");
    // b's actor object still says admin (a stale session the DAL must not trust to keep an admin).
    await expect(setAccountStatus(b, a.id, "disabled")).rejects.toThrow("conflict:last_admin");
    await expect(changeAccountRole(b, a.id, "patient")).rejects.toThrow("conflict:last_admin");
    expect(await getUserRow(db(), a.id)).toMatchObject({ role: "admin", status: "active" });
  });

  it("two admins disabling each other at once: exactly one succeeds", async () => {
    const c = await createUser(db(), { role: "admin" });
    const d = await createUser(db(), { role: "admin" });
    // The first test left one active admin (a); disable it to make c and d the only two.
    const [a] = await db()
      .select()
      .from(users)
      .where(
        sql`${users.role} = 'admin' and ${users.status} = 'active' and ${users.id} not in (${c.id}, ${d.id})`,
      );
    await setAccountStatus(c, a.id, "disabled");
    const results = await Promise.allSettled([
      setAccountStatus(c, d.id, "disabled"),
      setAccountStatus(d, c.id, "disabled"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const active = await db()
      .select()
      .from(users)
      .where(sql`${users.role} = 'admin' and ${users.status} = 'active'`);
    expect(active).toHaveLength(1);
  });
});
