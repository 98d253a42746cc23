import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, clinicSettings } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser, getUserRow, TEST_PASSWORD } from "@/test/fixtures";
import { setAccountStatus } from "./accounts";
import { ThrottledError } from "./rate-limit";
import { MAX_FAILED_LOGINS, registerPatient, resolveSession, verifyCredentials } from "./auth";

describeDb("auth DAL", ({ db }) => {
  it("signs in with the right password, case-insensitively on the e-mail, and audits it", async () => {
    const u = await createUser(db(), { role: "doctor", email: "Dr.Who@Test.Example" });
    const ok = await verifyCredentials({ email: "  DR.WHO@test.example ", password: TEST_PASSWORD });
    expect(ok).toMatchObject({ id: u.id, role: "doctor", sessionVersion: 1 });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.actorId, u.id));
    expect(events.map((e) => [e.action, e.outcome])).toContainEqual(["auth.sign_in", "success"]);
  });

  it("returns null for a wrong password or an unknown e-mail, and audits both failures", async () => {
    const u = await createUser(db(), { role: "patient" });
    expect(await verifyCredentials({ email: u.email, password: "wrong password!" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@test.example", password: TEST_PASSWORD })).toBeNull();
    const failures = await db().select().from(auditEvents).where(eq(auditEvents.outcome, "failure"));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    const u = await createUser(db(), { role: "patient" });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await verifyCredentials({ email: u.email, password: "nope-nope-nope" });
    await expect(verifyCredentials({ email: u.email, password: TEST_PASSWORD })).rejects.toBeInstanceOf(
      ThrottledError,
    );
  });

  it("refuses a disabled account", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const u = await createUser(db(), { role: "patient" });
    await setAccountStatus(admin, u.id, "disabled");
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD })).toBeNull();
  });

  it("ends a live session at the next request once the user is disabled", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const u = await createUser(db(), { role: "doctor" });
    const claims = { userId: u.id, sessionVersion: u.sessionVersion };
    expect(await resolveSession(claims)).toMatchObject({ id: u.id, role: "doctor" });
    await setAccountStatus(admin, u.id, "disabled");
    expect(await resolveSession(claims)).toBeNull();
    // Re-enabling does not revive the old token: its sessionVersion is stale.
    await setAccountStatus(admin, u.id, "active");
    expect(await resolveSession(claims)).toBeNull();
    const fresh = await getUserRow(db(), u.id);
    expect(await resolveSession({ userId: u.id, sessionVersion: fresh.sessionVersion })).not.toBeNull();
  });

  it("only an admin may disable an account", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient" });
    await expect(setAccountStatus(doctor, patient.id, "disabled")).rejects.toThrow("forbidden");
    await expect(setAccountStatus(patient, doctor.id, "disabled")).rejects.toThrow("forbidden");
    expect((await getUserRow(db(), patient.id)).status).toBe("active");
  });

  it("registers a patient with an empty profile, and refuses a taken e-mail", async () => {
    const input = {
      name: "New Patient",
      email: "new.patient@test.example",
      password: "long enough pw",
      confirmPassword: "long enough pw",
      locale: "fr" as const,
    };
    const { id } = await registerPatient(input);
    expect((await getUserRow(db(), id)).role).toBe("patient");
    await expect(registerPatient({ ...input, name: "Other" })).rejects.toThrow("email_taken");
  });

  it("refuses registration when the clinic closed it", async () => {
    await db()
      .insert(clinicSettings)
      .values({ id: 1, selfRegistration: false })
      .onConflictDoUpdate({
        target: clinicSettings.id,
        set: { selfRegistration: false },
      });
    await expect(
      registerPatient({
        name: "X",
        email: "closed@test.example",
        password: "long enough pw",
        confirmPassword: "long enough pw",
        locale: "en",
      }),
    ).rejects.toThrow("registration_closed");
    await db().update(clinicSettings).set({ selfRegistration: true }).where(eq(clinicSettings.id, 1));
  });
});
