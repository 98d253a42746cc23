import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, clinicSettings, mfaRecoveryCodes, userMfa, userSessions } from "@/lib/db/schema";
import { totpCode } from "@/lib/auth/totp";
import { DalError } from "@/lib/errors";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import {
  beginEnrolment,
  confirmEnrolment,
  disableOwnMfa,
  getOwnMfaStatus,
  mfaPendingFor,
  resetUserMfa,
  setStaffMfaRequired,
  verifySecondStep,
} from "./mfa";
import { MFA_FAILURES, ThrottledError } from "./rate-limit";
import { checkSession, resolveLiveSession, startSession } from "./sessions";

let ipCounter = 0;
/** A 6-digit code that is none of the three the ±1 window accepts right now. */
function wrongCode(secret: string): string {
  const valid = [-30_000, 0, 30_000].map((d) => totpCode(secret, Date.now() + d));
  return ["000000", "111111", "222222", "333333"].find((c) => !valid.includes(c))!;
}
const withIp = <T extends object>(u: T) => ({ ...u, ip: `198.51.100.${++ipCounter}` });

describeDb("MFA (TOTP and recovery codes)", ({ db }) => {
  const events = (userId: string, action: string) =>
    db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, action)));

  /** A doctor enrolled through the real flow: returns the secret, the recovery codes and the enrolling session. */
  async function enrolledDoctor() {
    const u = withIp(await createUser(db(), { role: "doctor" }));
    const sid = await startSession(u.id);
    const { secret } = await beginEnrolment(u, "Test clinic");
    const done = await confirmEnrolment(u, sid, totpCode(secret));
    expect(done).not.toBeNull();
    return { u, secret, codes: done!.recoveryCodes, sid };
  }

  it("a doctor's password-only session owes enrolment while the clinic requires it (the default), not when off", async () => {
    const u = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient" });
    const sid = await startSession(u.id);
    const psid = await startSession(patient.id);
    expect(await mfaPendingFor(sid, u)).toBe("enrol");
    expect(await mfaPendingFor(psid, patient)).toBeNull();
    await db()
      .insert(clinicSettings)
      .values({ id: 1, requireStaffMfa: false })
      .onConflictDoUpdate({
        target: clinicSettings.id,
        set: { requireStaffMfa: false },
      });
    expect(await mfaPendingFor(sid, u)).toBeNull();
    await db().update(clinicSettings).set({ requireStaffMfa: true }).where(eq(clinicSettings.id, 1));
    expect(await mfaPendingFor(sid, u)).toBe("enrol");
    // A session id that is not this user's is never treated as verified.
    expect(await mfaPendingFor(psid, u)).toBe("verify");
  });

  it("enrolment: the same pending secret until confirmed, stored encrypted; a wrong code is refused and audited", async () => {
    const u = withIp(await createUser(db(), { role: "admin" }));
    const sid = await startSession(u.id);
    const first = await beginEnrolment(u, "Test clinic");
    expect((await beginEnrolment(u, "Test clinic")).secret).toBe(first.secret);
    expect(first.uri).toContain(encodeURIComponent(u.email));
    const [row] = await db().select().from(userMfa).where(eq(userMfa.userId, u.id));
    expect(row.secret).not.toContain(first.secret);
    expect(row.enabledAt).toBeNull();

    expect(await confirmEnrolment(u, sid, wrongCode(first.secret))).toBeNull();
    expect(await events(u.id, "mfa.enrol")).toMatchObject([{ outcome: "failure" }]);
    expect(await mfaPendingFor(sid, u)).toBe("enrol");

    const done = await confirmEnrolment(u, sid, totpCode(first.secret));
    expect(done!.recoveryCodes).toHaveLength(10);
    expect(await mfaPendingFor(sid, u)).toBeNull(); // this sign-in is complete
    expect(await getOwnMfaStatus(u)).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });
    const stored = await db().select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, u.id));
    expect(stored).toHaveLength(10);
    for (const c of done!.recoveryCodes) {
      expect(stored.some((s) => s.codeHash.includes(c.replace(/-/g, "")))).toBe(false);
    }
    expect((await events(u.id, "mfa.enrol")).map((e) => e.outcome).sort()).toEqual(["failure", "success"]);
    // Once on, no second enrolment over it.
    await expect(beginEnrolment(u, "Test clinic")).rejects.toMatchObject({ code: "conflict" });
  });

  it("every later sign-in owes a code; a TOTP code passes once, a replay of it is refused", async () => {
    const { u, secret } = await enrolledDoctor();
    const sid = await startSession(u.id);
    expect(await mfaPendingFor(sid, u)).toBe("verify");
    const claims = { userId: u.id, sessionVersion: u.sessionVersion, sessionId: sid };
    expect(await resolveLiveSession(claims)).toMatchObject({ id: u.id, mfaPending: "verify" });

    // The enrolment used this step's code: the next step's code (inside the ±1 window) opens this sign-in.
    const code = totpCode(secret, Date.now() + 30_000);
    expect(await verifySecondStep(u, sid, code)).toMatchObject({ method: "totp", recoveryCodesLeft: 10 });
    expect(await mfaPendingFor(sid, u)).toBeNull();
    expect(await resolveLiveSession(claims)).toMatchObject({ id: u.id, mfaPending: null });
    expect(await events(u.id, "mfa.verify")).toMatchObject([{ outcome: "success" }]);

    const other = await startSession(u.id);
    expect(await verifySecondStep(u, other, code)).toBeNull();
    expect(await mfaPendingFor(other, u)).toBe("verify");
  });

  it(`wrong codes are throttled after ${MFA_FAILURES}: even the right code is then refused`, async () => {
    const { u, secret } = await enrolledDoctor();
    const sid = await startSession(u.id);
    for (let i = 0; i < MFA_FAILURES; i++) {
      // A wrong authenticator code and a wrong recovery code count alike.
      expect(await verifySecondStep(u, sid, i % 2 ? wrongCode(secret) : "zzzz-zzzz-zzzz")).toBeNull();
    }
    const err = await verifySecondStep(u, sid, totpCode(secret, Date.now() + 30_000)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ThrottledError);
    expect((err as ThrottledError).retryAfterMinutes).toBeGreaterThanOrEqual(14);
    expect(await mfaPendingFor(sid, u)).toBe("verify");
    expect((await events(u.id, "mfa.verify")).filter((e) => e.outcome === "failure")).toHaveLength(
      MFA_FAILURES,
    );
  });

  it("a recovery code signs in once, in any case or spacing; used again it is refused", async () => {
    const { u, codes } = await enrolledDoctor();
    const a = await startSession(u.id);
    const typed = ` ${codes[3].toUpperCase().replace(/-/g, " ")} `;
    expect(await verifySecondStep(u, a, typed)).toEqual({ method: "recovery", recoveryCodesLeft: 9 });
    expect(await mfaPendingFor(a, u)).toBeNull();
    expect(await events(u.id, "mfa.recovery_used")).toMatchObject([{ outcome: "success" }]);
    const b = await startSession(u.id);
    expect(await verifySecondStep(u, b, codes[3])).toBeNull();
    expect(await mfaPendingFor(b, u)).toBe("verify");
    expect(await verifySecondStep(u, b, codes[4])).toEqual({ method: "recovery", recoveryCodesLeft: 8 });
  });

  it("an admin's reset removes the authenticator and ends the user's sessions, audited; refused to others", async () => {
    const { u, sid } = await enrolledDoctor();
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient" });
    for (const who of [doctor, patient]) {
      await expect(resetUserMfa(who, u.id)).rejects.toBeInstanceOf(DalError);
    }
    expect(await getOwnMfaStatus(u)).toMatchObject({ enabled: true });
    expect(await events(u.id, "mfa.reset")).toMatchObject([{ outcome: "denied" }, { outcome: "denied" }]);

    // Locked out by wrong codes (a lost phone, guessing)...
    const locked = await startSession(u.id);
    for (let i = 0; i < MFA_FAILURES; i++) await verifySecondStep(u, locked, "zzzz-zzzz-zzzz");
    await expect(verifySecondStep(u, locked, "zzzz-zzzz-zzzz")).rejects.toBeInstanceOf(ThrottledError);

    const admin = await createUser(db(), { role: "admin" });
    await resetUserMfa(admin, u.id);
    expect(await db().select().from(userMfa).where(eq(userMfa.userId, u.id))).toHaveLength(0);
    expect(await db().select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, u.id))).toHaveLength(
      0,
    );
    expect(await checkSession(sid, u.id)).toBe("ended");
    const ok = (await events(u.id, "mfa.reset")).filter((e) => e.outcome === "success");
    expect(ok).toMatchObject([{ actorId: admin.id, entityType: "user" }]);
    // Next sign-in enrols again, and the lock is gone with the old authenticator.
    const again = await startSession(u.id);
    expect(await mfaPendingFor(again, u)).toBe("enrol");
    const { secret } = await beginEnrolment(u, "Test clinic");
    expect(await confirmEnrolment(u, again, totpCode(secret))).not.toBeNull();
    await expect(resetUserMfa(admin, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });

  it("a patient may opt in and out (with a code); staff cannot turn it off while the clinic requires it", async () => {
    const p = withIp(await createUser(db(), { role: "patient" }));
    const sid = await startSession(p.id);
    expect(await getOwnMfaStatus(p)).toMatchObject({ enabled: false, required: false });
    const { secret } = await beginEnrolment(p, "Test clinic");
    await confirmEnrolment(p, sid, totpCode(secret));
    expect(await mfaPendingFor(sid, p)).toBeNull();
    expect(await mfaPendingFor(await startSession(p.id), p)).toBe("verify");
    expect(await disableOwnMfa(p, wrongCode(secret))).toBe(false);
    expect(await disableOwnMfa(p, totpCode(secret, Date.now() + 30_000))).toBe(true);
    expect(await getOwnMfaStatus(p)).toMatchObject({ enabled: false });
    expect(await mfaPendingFor(await startSession(p.id), p)).toBeNull();
    expect(await events(p.id, "mfa.disable")).toMatchObject([{ outcome: "failure" }, { outcome: "success" }]);

    const { u, secret: s2 } = await enrolledDoctor();
    await expect(disableOwnMfa(u, totpCode(s2, Date.now() + 30_000))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("the clinic setting: only an enrolled admin may turn it on; anyone with settings rights may turn it off", async () => {
    const admin = withIp(await createUser(db(), { role: "admin" }));
    await expect(setStaffMfaRequired(admin, true)).rejects.toMatchObject({ code: "conflict" });
    await setStaffMfaRequired(admin, false);
    const [row] = await db().select().from(clinicSettings).where(eq(clinicSettings.id, 1));
    expect(row.requireStaffMfa).toBe(false);
    const doctor = await createUser(db(), { role: "doctor" });
    await expect(setStaffMfaRequired(doctor, false)).rejects.toMatchObject({ code: "forbidden" });
    const sid = await startSession(admin.id);
    const { secret } = await beginEnrolment(admin, "Test clinic");
    await confirmEnrolment(admin, sid, totpCode(secret));
    await setStaffMfaRequired(admin, true);
    const [after] = await db().select().from(clinicSettings).where(eq(clinicSettings.id, 1));
    expect(after.requireStaffMfa).toBe(true);
    const [s] = await db().select().from(userSessions).where(eq(userSessions.id, sid));
    expect(s.mfaVerifiedAt).not.toBeNull();
  });
});
