import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, breakGlassGrants, patientProfiles, triageCases } from "@/lib/db/schema";
import type { Actor } from "@/lib/permissions";
import { describeDb } from "@/test/db";
import { createUser, getUserRow } from "@/test/fixtures";
import {
  changeAccountRole,
  createAccount,
  resetAccountPassword,
  setAccountStatus,
  updateAccountDetails,
} from "./accounts";
import { assignPatients, listDoctorPanels } from "./admin-assignment";
import {
  AUDIT_COUNT_CAP,
  listAuditActions,
  listAuditEvents,
  listBreakGlassGrants,
  streamAuditEvents,
} from "./admin-audit";
import { getClinicName, getClinicSettings, updateClinicSettings } from "./admin-settings";
import { getAccount, listAccounts } from "./admin-users";
import { isSelfRegistrationOpen, registerPatient, verifyCredentials } from "./auth";
import { createReport } from "./reports";

const page1 = { page: 1 };

/** drizzle wraps the driver's error; the trigger's message is on the cause. */
async function refusal(query: Promise<unknown>): Promise<string> {
  const err = await query.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  return err ? `${err.message} ${err.cause?.message ?? ""}` : "accepted";
}

async function drain(gen: AsyncGenerator<unknown[]>) {
  const out: unknown[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

describeDb("admin console DAL", ({ db }) => {
  it("every admin function refuses patients and doctors, and writes nothing", async () => {
    const target = await createUser(db(), { role: "patient" });
    const doctor = await createUser(db(), { role: "doctor" });
    const calls: [string, (a: Actor) => Promise<unknown>][] = [
      [
        "createAccount",
        (a) => createAccount(a, { role: "admin", name: "X", email: "x@t.example", locale: "en" }),
      ],
      ["setAccountStatus", (a) => setAccountStatus(a, target.id, "disabled")],
      ["changeAccountRole", (a) => changeAccountRole(a, target.id, "admin")],
      ["resetAccountPassword", (a) => resetAccountPassword(a, target.id)],
      [
        "updateAccountDetails",
        (a) => updateAccountDetails(a, target.id, { name: "X", email: "y@t.example", locale: "en" }),
      ],
      ["listAccounts", (a) => listAccounts(a, page1)],
      ["getAccount", (a) => getAccount(a, target.id)],
      ["assignPatients", (a) => assignPatients(a, { patientIds: [target.id], doctorId: doctor.id })],
      ["listDoctorPanels", (a) => listDoctorPanels(a)],
      ["getClinicSettings", (a) => getClinicSettings(a)],
      ["updateClinicSettings", (a) => updateClinicSettings(a, { clinicName: "X", selfRegistration: false })],
      ["listAuditEvents", (a) => listAuditEvents(a, page1)],
      ["streamAuditEvents", (a) => drain(streamAuditEvents(a, {}))],
      ["listAuditActions", (a) => listAuditActions(a)],
      ["listBreakGlassGrants", (a) => listBreakGlassGrants(a, page1)],
    ];
    const count = async () =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
      )[0].n;
    const before = await count();
    for (const actor of [target, doctor]) {
      for (const [name, call] of calls) {
        await expect(call(actor), `${name} as ${actor.role}`).rejects.toThrow("forbidden");
      }
    }
    expect(await count()).toBe(before);
    expect(await getUserRow(db(), target.id)).toMatchObject({ role: "patient", status: "active" });
    expect(await isSelfRegistrationOpen()).toBe(true);
  });

  it("account DTOs carry identity and access only, never clinical fields or hashes", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const doctor = await createUser(db(), { role: "doctor", name: "Dr Panel" });
    const patient = await createUser(db(), {
      role: "patient",
      name: "Clinical Carrier",
      doctorId: doctor.id,
      conditions: ["diabetes"],
    });
    await createReport(patient, {
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
      notes: "private clinical note",
    });
    const allowed = [
      "createdAt",
      "doctorId",
      "doctorName",
      "email",
      "id",
      "lastLoginAt",
      "locale",
      "mustChangePassword",
      "name",
      "panelSize",
      "role",
      "status",
    ];
    const { accounts } = await listAccounts(admin, { q: "Clinical Carrier", page: 1 });
    expect(accounts).toHaveLength(1);
    expect(Object.keys(accounts[0]).sort()).toEqual(allowed);
    expect(accounts[0]).toMatchObject({ doctorName: "Dr Panel", panelSize: null });
    const detail = await getAccount(admin, patient.id);
    expect(Object.keys(detail).sort()).toEqual(allowed);
    expect(JSON.stringify(detail)).not.toMatch(/diabetes|private clinical note|argon2/);
    const { rows } = await listAuditEvents(admin, { patient: patient.id, page: 1 });
    expect(JSON.stringify(rows)).not.toMatch(/diabetes|private clinical note|calf/);
    expect(Object.keys(rows[0])).not.toContain("entityId");
    const [panel] = (await listDoctorPanels(admin)).filter((d) => d.id === doctor.id);
    expect(panel.panelSize).toBe(1);
  });

  it("lists accounts with search, role, status and doctor filters, paged in SQL", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const doctor = await createUser(db(), { role: "doctor" });
    for (let i = 0; i < 27; i++) {
      await createUser(db(), { role: "patient", name: `Zebra_% ${String(i).padStart(2, "0")}` });
    }
    const mine = await createUser(db(), { role: "patient", name: "Zebra_% assigned", doctorId: doctor.id });
    const first = await listAccounts(admin, { q: "zebra_%", page: 1 });
    expect(first.total).toBe(28);
    expect(first.accounts).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    const second = await listAccounts(admin, { q: "zebra_%", page: 2 });
    expect(second.accounts).toHaveLength(3);
    // A literal "_%" does not match everything.
    expect((await listAccounts(admin, { q: "_%", page: 1 })).total).toBe(28);
    expect(
      (await listAccounts(admin, { q: "zebra", doctor: doctor.id, page: 1 })).accounts.map((a) => a.id),
    ).toEqual([mine.id]);
    expect((await listAccounts(admin, { q: "zebra", doctor: "none", page: 1 })).total).toBe(27);
    expect((await listAccounts(admin, { q: "zebra", role: "doctor", page: 1 })).total).toBe(0);
    await setAccountStatus(admin, mine.id, "disabled");
    expect((await listAccounts(admin, { q: "zebra", status: "disabled", page: 1 })).total).toBe(1);
    // A page past the end lands on the last one.
    expect((await listAccounts(admin, { q: "zebra", page: 99 })).page).toBe(2);
  });

  it("bulk-assigns patients: one audit event per patient, queue rows follow in the same transaction", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const doctor = await createUser(db(), { role: "doctor" });
    const p1 = await createUser(db(), { role: "patient" });
    const p2 = await createUser(db(), { role: "patient" });
    for (const p of [p1, p2]) {
      await createReport(p, {
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
        triggers: [],
        conditions: [],
        notes: null,
      });
    }
    expect(await assignPatients(admin, { patientIds: [p1.id, p2.id, p1.id], doctorId: doctor.id })).toEqual({
      changed: 2,
    });
    const cases = await db().select().from(triageCases).where(eq(triageCases.assignedDoctorId, doctor.id));
    expect(cases.map((c) => c.patientId).sort()).toEqual([p1.id, p2.id].sort());
    const events = await db().select().from(auditEvents).where(eq(auditEvents.action, "assignment.update"));
    expect(events.filter((e) => e.patientId === p1.id || e.patientId === p2.id)).toHaveLength(2);
    // Re-assigning to the same doctor changes nothing and audits nothing.
    expect(await assignPatients(admin, { patientIds: [p1.id], doctorId: doctor.id })).toEqual({ changed: 0 });
    await assignPatients(admin, { patientIds: [p1.id], doctorId: null });
    const [c1] = await db().select().from(triageCases).where(eq(triageCases.patientId, p1.id));
    expect(c1.assignedDoctorId).toBeNull();
  });

  it("refuses assignment to a non-doctor or a disabled doctor, or of a non-patient, all or nothing", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const doctor = await createUser(db(), { role: "doctor" });
    const gone = await createUser(db(), { role: "doctor" });
    await setAccountStatus(admin, gone.id, "disabled");
    const p = await createUser(db(), { role: "patient" });
    await expect(assignPatients(admin, { patientIds: [p.id], doctorId: admin.id })).rejects.toThrow(
      "invalid",
    );
    await expect(assignPatients(admin, { patientIds: [p.id], doctorId: gone.id })).rejects.toThrow("invalid");
    await expect(
      assignPatients(admin, { patientIds: [p.id, doctor.id], doctorId: doctor.id }),
    ).rejects.toThrow("not_found");
    const [profile] = await db().select().from(patientProfiles).where(eq(patientProfiles.userId, p.id));
    expect(profile.assignedDoctorId).toBeNull();
  });

  it("closing self-registration refuses the register action, audited; the clinic name changes", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await updateClinicSettings(admin, { clinicName: "Clinique du Parc", selfRegistration: false });
    expect(await getClinicSettings(admin)).toMatchObject({
      clinicName: "Clinique du Parc",
      selfRegistration: false,
    });
    expect(await getClinicName()).toBe("Clinique du Parc");
    const input = {
      name: "Late",
      email: "late@test.example",
      password: "long enough pw",
      confirmPassword: "long enough pw",
      locale: "en" as const,
    };
    await expect(registerPatient(input, { requestId: "req-closed", ip: "198.51.100.7" })).rejects.toThrow(
      "registration_closed",
    );
    const [refusal] = await db().select().from(auditEvents).where(eq(auditEvents.requestId, "req-closed"));
    expect(refusal).toMatchObject({ action: "auth.register", outcome: "denied", ip: "198.51.100.7" });
    await updateClinicSettings(admin, { clinicName: "Clinique du Parc", selfRegistration: true });
    await expect(registerPatient(input)).resolves.toHaveProperty("id");
  });

  it("audits a failed sign-in with its counter in one transaction, with IP and user agent", async () => {
    const u = await createUser(db(), { role: "doctor" });
    await verifyCredentials({
      email: u.email,
      password: "wrong wrong wrong",
      requestId: "req-fail",
      ip: "192.0.2.44",
      userAgent: "Firefox",
    });
    await verifyCredentials({
      email: "ghost@test.example",
      password: "x",
      requestId: "req-ghost",
      ip: "192.0.2.45",
    });
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.requestId} in ('req-fail', 'req-ghost')`);
    expect(rows.map((r) => [r.requestId, r.outcome, r.ip]).sort()).toEqual([
      ["req-fail", "failure", "192.0.2.44"],
      ["req-ghost", "failure", "192.0.2.45"],
    ]);
    expect(rows.find((r) => r.requestId === "req-fail")).toMatchObject({
      actorId: u.id,
      userAgent: "Firefox",
    });
    expect((await getUserRow(db(), u.id)).failedLoginCount).toBe(1);
  });

  it("filters the audit log by actor, patient, action, outcome and dates, and streams the same rows", async () => {
    const admin = await createUser(db(), { role: "admin", name: "Auditor Alice" });
    const other = await createUser(db(), { role: "admin", name: "Other Admin" });
    const patient = await createUser(db(), { role: "patient", name: "Filtered Patient" });
    await resetAccountPassword(admin, patient.id);
    await resetAccountPassword(other, patient.id);
    const byAlice = await listAuditEvents(admin, { actor: "auditor alice", page: 1 });
    expect(byAlice.rows.every((r) => r.actorName === "Auditor Alice")).toBe(true);
    const resets = await listAuditEvents(admin, {
      patient: "filtered patient",
      action: "account.password_reset",
      outcome: "success",
      page: 1,
    });
    expect(resets.rows.map((r) => r.actorName).sort()).toEqual(["Auditor Alice", "Other Admin"]);
    expect(resets.rows[0]).toMatchObject({ patientName: "Filtered Patient", entityType: "user" });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
    const todays = await listAuditEvents(admin, { patient: patient.id, from: today, to: today, page: 1 });
    expect(todays.total).toBe(2);
    const future = await listAuditEvents(admin, { patient: patient.id, from: "2999-01-01", page: 1 });
    expect(future.total).toBe(0);
    const streamed = await drain(
      streamAuditEvents(admin, { patient: patient.id, action: "account.password_reset" }),
    );
    expect(streamed).toHaveLength(2);
    expect(await listAuditActions(admin)).toEqual(
      expect.arrayContaining(["account.password_reset", "audit.read"]),
    );
    const actions = await listAuditActions(admin);
    expect(actions).toEqual([...actions].sort());
  });

  it("streams a large export in keyset batches, newest first, with nothing skipped", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await db()
      .insert(auditEvents)
      .values(
        Array.from({ length: 1_203 }, () => ({
          action: "bulk.test",
          actorId: admin.id,
          actorRole: "admin" as const,
        })),
      );
    const batches: number[] = [];
    const ids: number[] = [];
    for await (const batch of streamAuditEvents(admin, { action: "bulk.test" })) {
      batches.push(batch.length);
      ids.push(...batch.map((r) => r.id));
    }
    expect(batches).toEqual([500, 500, 203]);
    expect(new Set(ids).size).toBe(1_203);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const [exported] = await db()
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'audit.export' and ${auditEvents.actorId} = ${admin.id}`);
    expect(exported).toBeDefined();
  });

  it("counts the audit log up to a cap (10 000+), pages past it, and finds an actor by name among many", async () => {
    const admin = await createUser(db(), { role: "admin", name: "Capped Carla" });
    await db().execute(
      sql`insert into audit_events (action, actor_id, actor_role) select 'cap.test', ${admin.id}, 'admin' from generate_series(1, ${AUDIT_COUNT_CAP + 120})`,
    );
    const first = await listAuditEvents(admin, { action: "cap.test", page: 1 });
    expect(first).toMatchObject({ total: AUDIT_COUNT_CAP, totalCapped: true, hasNext: true, page: 1 });
    expect(first.rows).toHaveLength(50);
    // Past the capped page count: still served, the last one says there is no next page.
    const last = await listAuditEvents(admin, {
      action: "cap.test",
      page: Math.ceil((AUDIT_COUNT_CAP + 120) / 50),
    });
    expect(last.rows).toHaveLength((AUDIT_COUNT_CAP + 120) % 50 || 50);
    expect(last.hasNext).toBe(false);
    expect(last.pageCount).toBe(last.page);
    const byName = await listAuditEvents(admin, { actor: "capped carl", action: "cap.test", page: 2 });
    expect(byName).toMatchObject({ totalCapped: true, hasNext: true, page: 2 });
    expect(byName.rows.every((r) => r.actorName === "Capped Carla")).toBe(true);
    // Under the cap the total is exact and the page clamped to the last one.
    const few = await listAuditEvents(admin, { actor: admin.id, action: "audit.read", page: 9 });
    expect(few).toMatchObject({ total: 3, totalCapped: false, hasNext: false, page: 1, pageCount: 1 });
  });

  it("lists break-glass grants with doctor, patient and reason", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const doctor = await createUser(db(), { role: "doctor", name: "Dr Glass" });
    const patient = await createUser(db(), { role: "patient", name: "Glass Patient" });
    await db()
      .insert(breakGlassGrants)
      .values({
        doctorId: doctor.id,
        patientId: patient.id,
        reason: "Covering for a colleague",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    const { rows, total } = await listBreakGlassGrants(admin, page1);
    expect(total).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({
      doctorName: "Dr Glass",
      patientName: "Glass Patient",
      reason: "Covering for a colleague",
    });
  });

  it("the database itself refuses UPDATE, DELETE and TRUNCATE on audit_events", async () => {
    const admin = await createUser(db(), { role: "admin" });
    await listAuditEvents(admin, page1);
    const [row] = await db().select().from(auditEvents).where(eq(auditEvents.actorId, admin.id));
    expect(
      await refusal(db().execute(sql`update audit_events set action = 'forged' where id = ${row.id}`)),
    ).toMatch(/append-only/);
    expect(await refusal(db().execute(sql`delete from audit_events where id = ${row.id}`))).toMatch(
      /append-only/,
    );
    expect(await refusal(db().execute(sql`truncate audit_events`))).toMatch(/append-only/);
    const [after] = await db().select().from(auditEvents).where(eq(auditEvents.id, row.id));
    expect(after.action).toBe(row.action);
    // Users are disabled, never deleted: deleting one that has audit events is refused too (set null = update).
    expect(await refusal(db().execute(sql`delete from users where id = ${admin.id}`))).toMatch(/append-only/);
  });
});
