import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { endAccountSessions } from "./accounts";
import { resolveLiveSession, startSession } from "./sessions";

describeDb("admin: sign an account out everywhere", ({ db }) => {
  it("ends every live session of the account at its next request, audited; others' sessions stay", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const patient = await createUser(db(), { role: "patient" });
    const bystander = await createUser(db(), { role: "patient" });
    const phone = await startSession(patient.id);
    const laptop = await startSession(patient.id);
    const theirs = await startSession(bystander.id);
    const claims = (sessionId: string, u = patient) => ({
      userId: u.id,
      sessionVersion: u.sessionVersion,
      sessionId,
    });
    expect(await resolveLiveSession(claims(phone))).not.toBeNull();

    expect(await endAccountSessions(admin, patient.id)).toBe(2);
    expect(await resolveLiveSession(claims(phone))).toBeNull();
    expect(await resolveLiveSession(claims(laptop))).toBeNull();
    expect(await resolveLiveSession(claims(theirs, bystander))).not.toBeNull();
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, admin.id), eq(auditEvents.action, "account.sessions_end")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: patient.id, patientId: patient.id, outcome: "success" });
  });

  it("is for admins only, and a missing account is not_found", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient" });
    const live = await startSession(patient.id);
    await expect(endAccountSessions(doctor, patient.id)).rejects.toThrow("forbidden");
    await expect(endAccountSessions(patient, patient.id)).rejects.toThrow("forbidden");
    expect(
      await resolveLiveSession({
        userId: patient.id,
        sessionVersion: patient.sessionVersion,
        sessionId: live,
      }),
    ).not.toBeNull();
    await expect(endAccountSessions(admin, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(
      "not_found",
    );
  });
});
