import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { readClaims } from "@/lib/auth/session-claims";
import type { Actor, Role } from "@/lib/permissions";
import { requestContextFrom, type RequestContext } from "@/lib/request-context";
import { resolveLiveSession } from "./sessions";

/** Request id (set by proxy.ts, which drops any client-supplied one), client IP and user agent, once per request. */
export const getRequestContext = cache(async (): Promise<RequestContext & { requestId: string }> => {
  const context = requestContextFrom(await headers());
  return { ...context, requestId: context.requestId ?? randomUUID() };
});

export const getRequestId = cache(async (): Promise<string> => (await getRequestContext()).requestId);

/** The session's live user, including one who must still replace a temporary password. */
const sessionUser = cache(async (): Promise<(Actor & { mustChangePassword: boolean }) | null> => {
  const session = await auth();
  const user = await resolveLiveSession(readClaims(session));
  if (!user) return null;
  const { requestId, ip, userAgent } = await getRequestContext();
  return { ...user, mustChangePassword: user.mustChangePassword ?? false, requestId, ip, userAgent };
});

/**
 * The signed-in user, re-read from the database once per request (disabled or revoked sessions give null).
 * A user who must change a temporary password is not signed in for anything else until they do.
 */
export const currentUser = cache(async (): Promise<Actor | null> => {
  const user = await sessionUser();
  if (!user || user.mustChangePassword) return null;
  const { mustChangePassword: _, ...actor } = user;
  return actor;
});

/** The user signed in with a temporary password, for the forced password change only. */
export async function userPendingPasswordChange(): Promise<Actor | null> {
  const user = await sessionUser();
  if (!user?.mustChangePassword) return null;
  const { mustChangePassword: _, ...actor } = user;
  return actor;
}

export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (!user) redirect((await userPendingPasswordChange()) ? "/change-password" : "/login");
  return user;
}

/** Anonymous → sign-in page; signed in with another role → 403. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
