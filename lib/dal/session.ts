import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { readClaims } from "@/lib/auth/session-claims";
import type { Actor, Role } from "@/lib/permissions";
import { resolveSession } from "./auth";

export const getRequestId = cache(async (): Promise<string> => {
  const h = await headers();
  return h.get("x-request-id") ?? randomUUID();
});

/** The signed-in user, re-read from the database once per request (disabled or revoked sessions give null). */
export const currentUser = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = await resolveSession(readClaims(session));
  if (!user) return null;
  return { ...user, requestId: await getRequestId() };
});

export async function requireUser(): Promise<Actor> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** Anonymous → sign-in page; signed in with another role → 403. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
