import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { readClaims } from "@/lib/auth/session-claims";
import type { Actor, Role } from "@/lib/permissions";
import { requestContextFrom, type RequestContext } from "@/lib/request-context";
import type { MfaPending } from "./mfa";
import { resolveLiveSession } from "./sessions";

/** Request id (set by proxy.ts, which drops any client-supplied one), client IP and user agent, once per request. */
export const getRequestContext = cache(async (): Promise<RequestContext & { requestId: string }> => {
  const context = requestContextFrom(await headers());
  return { ...context, requestId: context.requestId ?? randomUUID() };
});

export const getRequestId = cache(async (): Promise<string> => (await getRequestContext()).requestId);

type SessionUser = Actor & { mustChangePassword: boolean; mfaPending: MfaPending | null; sessionId: string };

/** The session's live user, including one who must still replace a temporary password or pass the second step. */
const sessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = readClaims(await auth());
  const user = await resolveLiveSession(claims);
  if (!user || !claims) return null;
  const { requestId, ip, userAgent } = await getRequestContext();
  const { mustChangePassword, mfaPending, ...rest } = user;
  return {
    ...rest,
    mustChangePassword: mustChangePassword ?? false,
    mfaPending,
    sessionId: claims.sessionId,
    requestId,
    ip,
    userAgent,
  };
});

function toActor(user: SessionUser): Actor {
  const { mustChangePassword: _m, mfaPending: _p, sessionId: _s, ...actor } = user;
  return actor;
}

/**
 * The signed-in user, re-read from the database once per request (disabled or revoked sessions give null).
 * A user who must change a temporary password, or whose sign-in still owes its second step (MFA), is not signed in
 * for anything else until they do: every role page and action starts here.
 */
export const currentUser = cache(async (): Promise<Actor | null> => {
  const user = await sessionUser();
  if (!user || user.mustChangePassword || user.mfaPending) return null;
  return toActor(user);
});

/** The user signed in with a temporary password, for the forced password change only (it comes before MFA). */
export async function userPendingPasswordChange(): Promise<Actor | null> {
  const user = await sessionUser();
  if (!user?.mustChangePassword) return null;
  return toActor(user);
}

/** A sign-in that passed the password step only, for the second-step page and its actions alone. */
export async function userPendingMfa(): Promise<{
  actor: Actor;
  pending: MfaPending;
  sessionId: string;
} | null> {
  const user = await sessionUser();
  if (!user?.mfaPending || user.mustChangePassword) return null;
  return { actor: toActor(user), pending: user.mfaPending, sessionId: user.sessionId };
}

/** This browser's session id, for a fully signed-in user (enrolling from the security page marks it verified). */
export async function currentSessionId(): Promise<string | null> {
  const user = await sessionUser();
  return user && !user.mustChangePassword && !user.mfaPending ? user.sessionId : null;
}

export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (!user) {
    if (await userPendingPasswordChange()) redirect("/change-password");
    redirect((await userPendingMfa()) ? "/mfa" : "/login");
  }
  return user;
}

/** Anonymous → sign-in page; signed in with another role → 403. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
