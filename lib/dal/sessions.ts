import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { userSessions } from "@/lib/db/schema";
import type { SessionClaims } from "@/lib/auth/session-claims";
import type { Actor } from "@/lib/permissions";
import { recordAudit, type AuditRequestMeta } from "./audit";
import { resolveSession, type SessionUserRow } from "./auth";
import { mfaPendingFor, type MfaPending } from "./mfa";

/** HIPAA automatic logoff: a session unused for this long is over (the client warns two minutes before). */
export const IDLE_MINUTES = 30;
/** However active, a session ends this long after sign-in. */
export const ABSOLUTE_HOURS = 12;
/** lastSeenAt is written at most this often, so a page with many requests costs one write a minute. */
const TOUCH_EVERY_MS = 60_000;

/** Opens the server-side record of a new sign-in; its id goes into the JWT. */
export async function startSession(userId: string, meta: AuditRequestMeta = {}): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(userSessions)
    .values({ userId, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null })
    .returning({ id: userSessions.id });
  return row.id;
}

export type SessionState = "active" | "ended" | "idle" | "expired" | "unknown";

/**
 * Whether the session a JWT names is still live, touching lastSeenAt when it is. A session that is ended, idle
 * for IDLE_MINUTES or older than ABSOLUTE_HOURS is refused, whatever the cookie's own expiry says.
 */
export async function checkSession(
  sessionId: string,
  userId: string,
  now: Date = new Date(),
): Promise<SessionState> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return "unknown";
  const db = await getDb();
  const [row] = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)))
    .limit(1);
  if (!row) return "unknown";
  if (row.endedAt) return "ended";
  if (now.getTime() - row.createdAt.getTime() > ABSOLUTE_HOURS * 3_600_000) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() > IDLE_MINUTES * 60_000) return "idle";
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)));
  }
  return "active";
}

/** Sign-out: this browser's session ends on the server, so a copy of its cookie is refused from now on. */
export async function endSession(actor: Pick<Actor, "id" | "role"> & AuditRequestMeta, sessionId: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(userSessions)
      .set({ endedAt: sql`now()` })
      .where(
        and(eq(userSessions.id, sessionId), eq(userSessions.userId, actor.id), isNull(userSessions.endedAt)),
      );
    await recordAudit(tx, { action: "auth.sign_out", actor, entityType: "session", entityId: sessionId });
  });
}

/** "Sign out everywhere": every live session of the user ends, this one included. Returns how many ended. */
export async function endAllSessions(actor: Pick<Actor, "id" | "role"> & AuditRequestMeta): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(userSessions.userId, actor.id), isNull(userSessions.endedAt)))
      .returning({ id: userSessions.id });
    await recordAudit(tx, {
      action: "auth.sign_out_everywhere",
      actor,
      entityType: "user",
      entityId: actor.id,
    });
    return ended.length;
  });
}

/**
 * The JWT's claims → the live user, or null when the account or this browser's session is no longer valid.
 * `mfaPending` is set while the sign-in has passed the password step only (lib/dal/mfa.ts): lib/dal/session.ts
 * then refuses the session to every role page and action, and lets it reach the second-step page alone.
 */
export async function resolveLiveSession(
  claims: SessionClaims | null,
): Promise<(SessionUserRow & { mfaPending: MfaPending | null }) | null> {
  if (!claims) return null;
  if ((await checkSession(claims.sessionId, claims.userId)) !== "active") return null;
  const user = await resolveSession(claims);
  if (!user) return null;
  return { ...user, mfaPending: await mfaPendingFor(claims.sessionId, user) };
}
