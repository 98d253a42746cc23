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
import {
  assertSignInAllowed,
  consumeRegistration,
  recordSignInFailure,
  recordSignInSuccess,
  SIGN_IN_LIMITS,
  ThrottledError,
} from "./rate-limit";

export const MAX_FAILED_LOGINS = SIGN_IN_LIMITS.account;
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
 * Checks e-mail and password. Returns null on any failure (unknown e-mail, wrong password, disabled), so the
 * caller can only say "e-mail or password is incorrect". Throws ThrottledError, before any hash, when the address,
 * the account or the pair is locked (lib/dal/rate-limit.ts), the same for known and unknown e-mails.
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
  const meta = { requestId: input.requestId, ip: input.ip, userAgent: input.userAgent };
  // Throttled before any lookup or hash: a locked address or account costs one read, never an argon2 run.
  try {
    await assertSignInAllowed(email, input.ip);
  } catch (err) {
    if (err instanceof ThrottledError) {
      await recordAnonymousAudit(db, { action: "auth.throttled", outcome: "denied", ...meta });
    }
    throw err;
  }
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await recordSignInFailure(email, input.ip);
    await recordAnonymousAudit(db, { action: "auth.sign_in", outcome: "failure", ...meta });
    return null;
  }
  const actor = { id: user.id, role: user.role, ...meta };
  const now = new Date();
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || user.status !== "active") {
    if (!passwordOk) await recordSignInFailure(email, input.ip);
    // The failure count (shown to admins; the lock itself is the throttle's) and its audit row land together.
    await db.transaction(async (tx) => {
      if (!passwordOk) {
        await tx
          .update(users)
          .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
          .where(eq(users.id, user.id));
      }
      await recordAudit(tx, { action: "auth.sign_in", actor, outcome: passwordOk ? "denied" : "failure" });
    });
    return null;
  }
  await recordSignInSuccess(email, input.ip);
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
  await consumeRegistration(meta.ip); // before the hash: a flood of sign-ups costs no argon2 runs
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
