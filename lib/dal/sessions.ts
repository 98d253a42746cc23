import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { clinicSettings, userMfa, userSessions, users } from "@/lib/db/schema";
import type { SessionClaims } from "@/lib/auth/session-claims";
import type { Actor } from "@/lib/permissions";
import { recordAudit, type AuditRequestMeta } from "./audit";
import type { SessionUserRow } from "./auth";
import { mfaPendingOf, type MfaPending } from "./mfa";

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
  if (!SESSION_ID.test(sessionId)) return "unknown";
  const db = await getDb();
  const [row] = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId)))
    .limit(1);
  if (!row) return "unknown";
  const state = stateOf(row, now);
  if (state === "active") await touchIfStale(sessionId, row.lastSeenAt, now);
  return state;
}

const SESSION_ID = /^[0-9a-f-]{36}$/i;

function stateOf(row: { endedAt: Date | null; createdAt: Date; lastSeenAt: Date }, now: Date): SessionState {
  if (row.endedAt) return "ended";
  if (now.getTime() - row.createdAt.getTime() > ABSOLUTE_HOURS * 3_600_000) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() > IDLE_MINUTES * 60_000) return "idle";
  return "active";
}

async function touchIfStale(sessionId: string, lastSeenAt: Date, now: Date) {
  if (now.getTime() - lastSeenAt.getTime() <= TOUCH_EVERY_MS) return;
  const db = await getDb();
  await db
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)));
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
  now: Date = new Date(),
): Promise<(SessionUserRow & { mfaPending: MfaPending | null }) | null> {
  if (!claims || !SESSION_ID.test(claims.sessionId)) return null;
  const db = await getDb();
  // Every signed-in request asks this: one statement for what checkSession, resolveSession and mfaPendingFor each
  // read (the session row, its user, the user's authenticator and the clinic's MFA setting), the same rules after.
  const [row] = await db
    .select({
      endedAt: userSessions.endedAt,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      verifiedAt: userSessions.mfaVerifiedAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      status: users.status,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      enabledAt: userMfa.enabledAt,
      required: clinicSettings.requireStaffMfa,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(userMfa, eq(userMfa.userId, userSessions.userId))
    .leftJoin(clinicSettings, eq(clinicSettings.id, 1))
    .where(and(eq(userSessions.id, claims.sessionId), eq(userSessions.userId, claims.userId)))
    .limit(1);
  if (!row || stateOf(row, now) !== "active") return null;
  await touchIfStale(claims.sessionId, row.lastSeenAt, now);
  if (row.status !== "active" || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    mustChangePassword: row.mustChangePassword,
    mfaPending: mfaPendingOf(row, row.role),
  };
}
