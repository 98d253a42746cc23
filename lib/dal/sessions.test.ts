import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, users, userSessions } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import {
  ABSOLUTE_HOURS,
  checkSession,
  endAllSessions,
  endSession,
  IDLE_MINUTES,
  resolveLiveSession,
  startSession,
} from "./sessions";

const minutes = (n: number) => n * 60_000;

describeDb("server-side sessions", ({ db }) => {
  it("a cookie's claims copied before sign-out are refused after it, and the sign-out is audited", async () => {
    const u = await createUser(db(), { role: "patient" });
    const sessionId = await startSession(u.id, { ip: "203.0.113.7", userAgent: "test" });
    const copied = { userId: u.id, sessionVersion: u.sessionVersion, sessionId };
    expect(await resolveLiveSession({ ...copied })).toMatchObject({ id: u.id, role: "patient" });
    await endSession(u, sessionId);
    expect(await resolveLiveSession(copied)).toBeNull();
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, u.id), eq(auditEvents.action, "auth.sign_out")));
    expect(event).toMatchObject({ entityType: "session", entityId: sessionId, outcome: "success" });
  });

  it("signing out one browser leaves the user's other sessions alone; sign out everywhere ends them all", async () => {
    const u = await createUser(db(), { role: "doctor" });
    const [a, b, c] = [await startSession(u.id), await startSession(u.id), await startSession(u.id)];
    await endSession(u, a);
    expect(await checkSession(a, u.id)).toBe("ended");
    expect(await checkSession(b, u.id)).toBe("active");
    expect(await endAllSessions(u)).toBe(2);
    expect(await checkSession(b, u.id)).toBe("ended");
    expect(await checkSession(c, u.id)).toBe("ended");
  });

  it("another user's session id, a malformed id and an unknown id are all refused", async () => {
    const u = await createUser(db(), { role: "patient" });
    const other = await createUser(db(), { role: "patient" });
    const sid = await startSession(other.id);
    expect(await checkSession(sid, u.id)).toBe("unknown");
    expect(await checkSession("not-a-uuid", u.id)).toBe("unknown");
    expect(await checkSession(crypto.randomUUID(), u.id)).toBe("unknown");
    // Ending someone else's session does nothing to it.
    await endSession(u, sid);
    expect(await checkSession(sid, other.id)).toBe("active");
  });

  it(`logs off after ${IDLE_MINUTES} idle minutes; activity keeps it alive until ${ABSOLUTE_HOURS} h`, async () => {
    const u = await createUser(db(), { role: "patient" });
    const sid = await startSession(u.id);
    const [row] = await db().select().from(userSessions).where(eq(userSessions.id, sid));
    const t0 = row.createdAt.getTime();
    expect(await checkSession(sid, u.id, new Date(t0 + minutes(IDLE_MINUTES - 1)))).toBe("active");
    // That request moved lastSeenAt: another 29 minutes later it is still alive.
    expect(await checkSession(sid, u.id, new Date(t0 + minutes(2 * IDLE_MINUTES - 2)))).toBe("active");
    expect(await checkSession(sid, u.id, new Date(t0 + minutes(3 * IDLE_MINUTES)))).toBe("idle");

    const busy = await startSession(u.id);
    const [b] = await db().select().from(userSessions).where(eq(userSessions.id, busy));
    const start = b.createdAt.getTime();
    for (let m = 20; m < ABSOLUTE_HOURS * 60; m += 20)
      expect(await checkSession(busy, u.id, new Date(start + minutes(m)))).toBe("active");
    expect(await checkSession(busy, u.id, new Date(start + minutes(ABSOLUTE_HOURS * 60 + 1)))).toBe(
      "expired",
    );
  });

  it("a session of a user whose sessionVersion moved on is refused even when its row is live", async () => {
    const u = await createUser(db(), { role: "patient" });
    const sid = await startSession(u.id);
    const claims = { userId: u.id, sessionVersion: u.sessionVersion + 1, sessionId: sid };
    expect(await resolveLiveSession(claims)).toBeNull();
  });

  it("the one-statement lookup every request makes applies every rule: idle, expired, other user, disabled, malformed", async () => {
    const u = await createUser(db(), { role: "patient" });
    const sid = await startSession(u.id);
    const claims = { userId: u.id, sessionVersion: u.sessionVersion, sessionId: sid };
    const [row] = await db().select().from(userSessions).where(eq(userSessions.id, sid));
    const t0 = row.createdAt.getTime();
    const at = (m: number) => new Date(t0 + minutes(m));
    expect(await resolveLiveSession(claims, at(IDLE_MINUTES - 1))).toMatchObject({
      id: u.id,
      mfaPending: null,
    });
    // That request touched lastSeenAt, so the session lives on past the first idle limit, then goes idle.
    const [touched] = await db().select().from(userSessions).where(eq(userSessions.id, sid));
    expect(touched.lastSeenAt.getTime()).toBe(at(IDLE_MINUTES - 1).getTime());
    expect(await resolveLiveSession(claims, at(2 * IDLE_MINUTES - 2))).not.toBeNull();
    expect(await resolveLiveSession(claims, at(3 * IDLE_MINUTES))).toBeNull();
    expect(await resolveLiveSession(claims, at(ABSOLUTE_HOURS * 60 + 1))).toBeNull();

    const fresh = await startSession(u.id);
    const live = { ...claims, sessionId: fresh };
    const other = await createUser(db(), { role: "patient" });
    expect(await resolveLiveSession({ ...live, userId: other.id })).toBeNull();
    expect(await resolveLiveSession({ ...live, sessionId: "not-a-uuid" })).toBeNull();
    expect(await resolveLiveSession({ ...live, sessionId: crypto.randomUUID() })).toBeNull();
    expect(await resolveLiveSession(live)).not.toBeNull();
    await db().update(users).set({ status: "disabled" }).where(eq(users.id, u.id));
    expect(await resolveLiveSession(live)).toBeNull();
  });
});
