import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, users } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser, TEST_PASSWORD } from "@/test/fixtures";
import { changeOwnEmail, changeOwnPassword } from "./account-self";
import { createAccount, resetAccountPassword } from "./accounts";
import { verifyCredentials } from "./auth";
import { PASSWORD_CHANGE_FAILURES, ThrottledError } from "./rate-limit";
import { checkSession, startSession } from "./sessions";

const NEW_PASSWORD = "plum tea cup on the sill";

describeDb("account self-service", ({ db }) => {
  const auditOf = (userId: string, action: "account.password_change" | "account.update") =>
    db()
      .select({ outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, userId), eq(auditEvents.action, action)));

  it("a password change ends the user's other sessions, keeps this one, and is audited", async () => {
    const u = await createUser(db(), { role: "doctor" });
    const stranger = await createUser(db(), { role: "doctor" });
    const [here, phone, laptop] = [
      await startSession(u.id),
      await startSession(u.id),
      await startSession(u.id),
    ];
    const strangers = await startSession(stranger.id);
    const result = await changeOwnPassword(u, here, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(result).toEqual({ endedSessions: 2 });
    expect(await checkSession(here, u.id)).toBe("active");
    expect(await checkSession(phone, u.id)).toBe("ended");
    expect(await checkSession(laptop, u.id)).toBe("ended");
    expect(await checkSession(strangers, stranger.id)).toBe("active");
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: u.email, password: NEW_PASSWORD })).toMatchObject({ id: u.id });
    expect(await auditOf(u.id, "account.password_change")).toEqual([{ outcome: "success" }]);
  });

  it("a wrong current password is refused and audited, and the proof is throttled", async () => {
    const u = await createUser(db(), { role: "patient" });
    const here = await startSession(u.id);
    const other = await startSession(u.id);
    const attempt = (currentPassword: string) =>
      changeOwnPassword(u, here, { currentPassword, newPassword: NEW_PASSWORD });
    await expect(attempt("not my password")).rejects.toMatchObject({
      code: "invalid",
      entity: "currentPassword",
    });
    expect(await checkSession(other, u.id)).toBe("active");
    for (let i = 1; i < PASSWORD_CHANGE_FAILURES; i++) await expect(attempt("still wrong")).rejects.toThrow();
    // Locked now: even the right password is not checked.
    const locked = await attempt(TEST_PASSWORD).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(ThrottledError);
    expect((locked as ThrottledError).retryAfterMinutes).toBeGreaterThanOrEqual(14);
    // The e-mail form shares the throttle.
    await expect(
      changeOwnEmail(u, { password: TEST_PASSWORD, email: "x@test.example" }),
    ).rejects.toBeInstanceOf(ThrottledError);
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD })).not.toBeNull();
    const failures = await auditOf(u.id, "account.password_change");
    expect(failures).toHaveLength(PASSWORD_CHANGE_FAILURES);
    expect(failures.every((f) => f.outcome === "failure")).toBe(true);
  });

  it("a new password that breaks the policy or repeats the current one is refused, nothing changed", async () => {
    const u = await createUser(db(), { role: "admin", name: "Ines Fontaine" });
    const here = await startSession(u.id);
    const other = await startSession(u.id);
    for (const [newPassword, entity] of [
      ["fontaine garden 2026", "newPassword"],
      ["short", "newPassword"],
      ["1234567890123", "newPassword"], // listed
      [TEST_PASSWORD, "password_reused"],
    ]) {
      await expect(
        changeOwnPassword(u, here, { currentPassword: TEST_PASSWORD, newPassword }),
      ).rejects.toMatchObject({
        code: "invalid",
        entity,
      });
    }
    expect(await checkSession(other, u.id)).toBe("active");
    expect(await verifyCredentials({ email: u.email, password: TEST_PASSWORD })).not.toBeNull();
  });

  it("changes the e-mail lower-cased after the password; a taken one (any case) and a wrong password are refused", async () => {
    const u = await createUser(db(), { role: "patient" });
    const other = await createUser(db(), { role: "doctor", email: "taken.address@test.example" });
    await expect(
      changeOwnEmail(u, { password: TEST_PASSWORD, email: "Taken.Address@TEST.example" }),
    ).rejects.toMatchObject({ code: "email_taken" });
    await expect(
      changeOwnEmail(u, { password: "wrong password!", email: "free@test.example" }),
    ).rejects.toMatchObject({ code: "invalid", entity: "password" });
    const [before] = await db().select({ email: users.email }).from(users).where(eq(users.id, u.id));
    expect(before.email).toBe(u.email);
    expect(await changeOwnEmail(u, { password: TEST_PASSWORD, email: "  New.Me@Test.Example " })).toEqual({
      email: "new.me@test.example",
    });
    const [after] = await db().select({ email: users.email }).from(users).where(eq(users.id, u.id));
    expect(after.email).toBe("new.me@test.example");
    expect(await verifyCredentials({ email: "NEW.ME@test.example", password: TEST_PASSWORD })).toMatchObject({
      id: u.id,
    });
    const [otherRow] = await db().select({ email: users.email }).from(users).where(eq(users.id, other.id));
    expect(otherRow.email).toBe("taken.address@test.example");
    expect((await auditOf(u.id, "account.update")).map((a) => a.outcome).sort()).toEqual([
      "failure",
      "success",
    ]);
  });

  it("admin temporary passwords follow the policy too: generated ones pass, one holding the name is refused", async () => {
    const admin = await createUser(db(), { role: "admin" });
    const target = await createUser(db(), { role: "doctor", name: "Marc Lefebvre" });
    await expect(resetAccountPassword(admin, target.id, "lefebvre-temp-01")).rejects.toMatchObject({
      code: "invalid",
      entity: "temporaryPassword",
    });
    expect(await verifyCredentials({ email: target.email, password: TEST_PASSWORD })).not.toBeNull();
    const { temporaryPassword } = await resetAccountPassword(admin, target.id);
    expect(temporaryPassword).toHaveLength(14);
    await expect(
      createAccount(admin, {
        role: "doctor",
        name: "Zoe Vasseur",
        email: "z.vasseur@test.example",
        locale: "fr",
        temporaryPassword: "vasseur2026!!",
      }),
    ).rejects.toMatchObject({ code: "invalid", entity: "temporaryPassword" });
  });
});
