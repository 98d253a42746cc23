import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { clinicSettings, patientProfiles, users } from "@/lib/db/schema";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { DalError } from "@/lib/errors";
import type { Locale, Role } from "@/lib/permissions";
import type { RegisterInput } from "@/lib/validations/auth";
import { recordAnonymousAudit, recordAudit, type AuditRequestMeta } from "./audit";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  mustChangePassword: boolean;
};

export type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  /** Signed in with a temporary password that must be replaced before anything else. */
  mustChangePassword?: boolean;
};

/**
 * Checks e-mail and password. Returns null on any failure (unknown e-mail, wrong password, disabled, locked),
 * so the caller can only say "e-mail or password is incorrect". Counts failures and locks the account.
 */
export async function verifyCredentials(input: {
  email: string;
  password: string;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<AuthenticatedUser | null> {
  const db = await getDb();
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password || input.password.length > 128 || email.length > 254) return null;
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const meta = { requestId: input.requestId, ip: input.ip, userAgent: input.userAgent };
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await recordAnonymousAudit(db, { action: "auth.sign_in", outcome: "failure", ...meta });
    return null;
  }
  const actor = { id: user.id, role: user.role, ...meta };
  const now = new Date();
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || locked || user.status !== "active") {
    // The failure counter and its audit row land together or not at all.
    await db.transaction(async (tx) => {
      if (!passwordOk && !locked) {
        // Counted in SQL so concurrent failures all count.
        await tx
          .update(users)
          .set({
            failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${users.failedLoginCount} + 1 end`,
            lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then ${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz else null end`,
          })
          .where(eq(users.id, user.id));
      }
      await recordAudit(tx, {
        action: "auth.sign_in",
        actor,
        outcome: locked || passwordOk ? "denied" : "failure",
      });
    });
    return null;
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await recordAudit(tx, { action: "auth.sign_in", actor });
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Turns the JWT's claims into the live user, or null when the account was disabled, deleted, or its
 * sessionVersion moved on (role change, password reset): that ends every live session at its next request.
 */
export async function resolveSession(
  claims: Pick<SessionClaims, "userId" | "sessionVersion"> | null,
): Promise<SessionUserRow | null> {
  if (!claims) return null;
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      status: users.status,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!user || user.status !== "active" || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function isSelfRegistrationOpen(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select().from(clinicSettings).where(eq(clinicSettings.id, 1)).limit(1);
  return row?.selfRegistration ?? true;
}

/** Patient self-registration: account and empty profile in one transaction. */
export async function registerPatient(
  input: RegisterInput,
  request?: string | null | AuditRequestMeta,
): Promise<{ id: string }> {
  const meta: AuditRequestMeta = typeof request === "object" && request ? request : { requestId: request };
  const db = await getDb();
  // Checked here, not only on the page: a replayed action is refused too, and the refusal is audited.
  if (!(await isSelfRegistrationOpen())) {
    await recordAnonymousAudit(db, { action: "auth.register", outcome: "denied", ...meta });
    throw new DalError("registration_closed");
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`)
      .limit(1);
    if (existing) throw new DalError("email_taken");
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: "patient", locale: input.locale })
      .returning({ id: users.id });
    await tx.insert(patientProfiles).values({ userId: user.id });
    await recordAudit(tx, {
      action: "auth.register",
      actor: { id: user.id, role: "patient", ...meta },
      patientId: user.id,
      entityType: "user",
      entityId: user.id,
    });
    return { id: user.id };
  });
}
