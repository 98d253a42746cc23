import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { clinicSettings, mfaRecoveryCodes, userMfa, userSessions, users } from "@/lib/db/schema";
import { decryptSecret, encryptSecret, recoveryPepper } from "@/lib/auth/mfa-crypto";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  isTotpFormat,
  newTotpSecret,
  normaliseRecoveryCode,
  totpUri,
  verifyTotp,
} from "@/lib/auth/totp";
import { DalError } from "@/lib/errors";
import type { Actor, Role } from "@/lib/permissions";
import { recordAudit, type AuditRequestMeta } from "./audit";
import { assertCan } from "./guard";
import { assertMfaAllowed, recordMfaFailure, recordMfaSuccess } from "./rate-limit";

// Second sign-in step (TOTP, RFC 6238) and its recovery codes. A sign-in is "pending" after the password step until
// this file marks its session row (user_sessions.mfa_verified_at); lib/dal/sessions.ts refuses pending sessions to
// every role page and action.

/** Roles the clinic setting "require MFA for staff" applies to. */
export const STAFF_ROLES: readonly Role[] = ["doctor", "admin"];

/** What a session still has to do: enter a code, or set up an authenticator first. */
export type MfaPending = "verify" | "enrol";

type SessionActor = Pick<Actor, "id" | "role"> & AuditRequestMeta;

/** The clinic's setting; with no settings row yet (a fresh install) staff MFA is required. */
export async function isStaffMfaRequired(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ v: clinicSettings.requireStaffMfa })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1))
    .limit(1);
  return row?.v ?? true;
}

/**
 * Whether a live session still owes the second step (one query). An enrolled user always does until a code passes
 * on this session; a doctor or admin who has not enrolled does when the clinic requires it.
 */
export async function mfaPendingFor(
  sessionId: string,
  user: { id: string; role: Role },
): Promise<MfaPending | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      verifiedAt: userSessions.mfaVerifiedAt,
      enabledAt: userMfa.enabledAt,
      required: clinicSettings.requireStaffMfa,
    })
    .from(userSessions)
    .leftJoin(userMfa, eq(userMfa.userId, userSessions.userId))
    .leftJoin(clinicSettings, eq(clinicSettings.id, 1))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, user.id)))
    .limit(1);
  if (!row) return "verify"; // no such session: never treated as passed
  return mfaPendingOf(row, user.role);
}

/** The rule of mfaPendingFor on a row already read (lib/dal/sessions.ts reads it with the session itself). */
export function mfaPendingOf(
  row: { verifiedAt: Date | null; enabledAt: Date | null; required: boolean | null },
  role: Role,
): MfaPending | null {
  if (row.verifiedAt) return null;
  if (row.enabledAt) return "verify";
  if (STAFF_ROLES.includes(role) && (row.required ?? true)) return "enrol";
  return null;
}

export type MfaStatus = { enabled: boolean; required: boolean; recoveryCodesLeft: number };

/** The signed-in user's own MFA state, for the security page. */
export async function getOwnMfaStatus(actor: Pick<Actor, "id" | "role">): Promise<MfaStatus> {
  const db = await getDb();
  const [[mfa], [{ left }], required] = await Promise.all([
    db.select({ enabledAt: userMfa.enabledAt }).from(userMfa).where(eq(userMfa.userId, actor.id)).limit(1),
    db
      .select({ left: sql<number>`count(*)::int` })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, actor.id), isNull(mfaRecoveryCodes.usedAt))),
    isStaffMfaRequired(),
  ]);
  return {
    enabled: Boolean(mfa?.enabledAt),
    required: required && STAFF_ROLES.includes(actor.role),
    recoveryCodesLeft: mfa?.enabledAt ? left : 0,
  };
}

/**
 * Enrolment, first half: a secret for the QR code. The same pending secret is returned until it is confirmed, so a
 * reload does not invalidate a code already scanned. Refused once MFA is on (a reset or disable comes first).
 */
export async function beginEnrolment(
  actor: Pick<Actor, "id" | "email">,
  issuer: string,
): Promise<{ secret: string; uri: string }> {
  const db = await getDb();
  const [existing] = await db.select().from(userMfa).where(eq(userMfa.userId, actor.id)).limit(1);
  if (existing?.enabledAt) throw new DalError("conflict", "mfa_enabled");
  let secret = existing ? decryptSecret(existing.secret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db
      .insert(userMfa)
      .values({ userId: actor.id, secret: encryptSecret(secret) })
      .onConflictDoNothing();
    // Two tabs racing: whichever secret landed first is the one both show.
    const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, actor.id)).limit(1);
    secret = decryptSecret(row.secret);
  }
  return { secret, uri: totpUri(secret, actor.email, issuer) };
}

/** A wrong code: counted by the throttle and audited; the caller only says "wrong code". */
async function refuse(
  actor: SessionActor,
  action: "mfa.enrol" | "mfa.verify" | "mfa.disable",
): Promise<void> {
  await recordMfaFailure(actor.id, actor.ip);
  const db = await getDb();
  await recordAudit(db, { action, actor, outcome: "failure", entityType: "user", entityId: actor.id });
}

async function markSessionVerified(tx: Db, userId: string, sessionId: string) {
  await tx
    .update(userSessions)
    .set({ mfaVerifiedAt: sql`now()` })
    .where(
      and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.endedAt)),
    );
}

/**
 * Enrolment, second half: the first valid code turns MFA on, issues ten recovery codes (returned once, stored
 * hashed) and completes this session's sign-in. Null for a wrong code. Throws ThrottledError when locked.
 */
export async function confirmEnrolment(
  actor: SessionActor,
  sessionId: string,
  code: string,
): Promise<{ recoveryCodes: string[] } | null> {
  await assertMfaAllowed(actor.id, actor.ip);
  const db = await getDb();
  const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, actor.id)).limit(1);
  if (!row) throw new DalError("conflict", "mfa_not_started");
  if (row.enabledAt) throw new DalError("conflict", "mfa_enabled");
  const step = verifyTotp(decryptSecret(row.secret), code, row.lastUsedStep);
  if (step === null) {
    await refuse(actor, "mfa.enrol");
    return null;
  }
  const codes = generateRecoveryCodes();
  const pepper = recoveryPepper();
  await db.transaction(async (tx) => {
    const done = await tx
      .update(userMfa)
      .set({ enabledAt: sql`now()`, lastUsedStep: step })
      .where(and(eq(userMfa.userId, actor.id), isNull(userMfa.enabledAt)))
      .returning({ userId: userMfa.userId });
    if (done.length === 0) throw new DalError("conflict", "mfa_enabled");
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, actor.id));
    await tx.insert(mfaRecoveryCodes).values(
      codes.map((c) => ({
        userId: actor.id,
        codeHash: hashRecoveryCode(normaliseRecoveryCode(c)!, pepper),
      })),
    );
    await markSessionVerified(tx, actor.id, sessionId);
    await recordAudit(tx, { action: "mfa.enrol", actor, entityType: "user", entityId: actor.id });
  });
  await recordMfaSuccess(actor.id);
  return { recoveryCodes: codes };
}

/**
 * The second step at sign-in: a 6-digit TOTP code (each accepted once) or one of the recovery codes (each usable
 * once). Both are checked with a conditional UPDATE, so two requests racing with the same code cannot both pass.
 * Returns null for a wrong code; throws ThrottledError when locked.
 */
export async function verifySecondStep(
  actor: SessionActor,
  sessionId: string,
  code: string,
): Promise<{ method: "totp" | "recovery"; recoveryCodesLeft: number } | null> {
  await assertMfaAllowed(actor.id, actor.ip);
  const db = await getDb();
  const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, actor.id)).limit(1);
  if (!row?.enabledAt) throw new DalError("conflict", "mfa_not_enabled");
  const trimmed = code.trim();
  const result = await db.transaction(async (tx) => {
    if (isTotpFormat(trimmed.replace(/\s/g, ""))) {
      const step = verifyTotp(decryptSecret(row.secret), trimmed, row.lastUsedStep);
      if (step === null) return null;
      const used = await tx
        .update(userMfa)
        .set({ lastUsedStep: step })
        .where(and(eq(userMfa.userId, actor.id), sql`${userMfa.lastUsedStep} < ${step}`))
        .returning({ userId: userMfa.userId });
      if (used.length === 0) return null;
      await markSessionVerified(tx, actor.id, sessionId);
      await recordAudit(tx, { action: "mfa.verify", actor, entityType: "user", entityId: actor.id });
      return "totp" as const;
    }
    const normalised = normaliseRecoveryCode(trimmed);
    if (!normalised) return null;
    const used = await tx
      .update(mfaRecoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(mfaRecoveryCodes.userId, actor.id),
          eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(normalised, recoveryPepper())),
          isNull(mfaRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: mfaRecoveryCodes.id });
    if (used.length === 0) return null;
    await markSessionVerified(tx, actor.id, sessionId);
    await recordAudit(tx, { action: "mfa.recovery_used", actor, entityType: "user", entityId: actor.id });
    return "recovery" as const;
  });
  if (!result) {
    await refuse(actor, "mfa.verify");
    return null;
  }
  await recordMfaSuccess(actor.id);
  const { recoveryCodesLeft } = await getOwnMfaStatus(actor);
  return { method: result, recoveryCodesLeft };
}

/**
 * Turns one's own MFA off (patients who opted in; staff only while the clinic does not require it), proved by a
 * current code. Returns false for a wrong code; throws ThrottledError when locked.
 */
export async function disableOwnMfa(actor: SessionActor, code: string): Promise<boolean> {
  if (STAFF_ROLES.includes(actor.role) && (await isStaffMfaRequired())) {
    throw new DalError("forbidden", "mfa_required");
  }
  await assertMfaAllowed(actor.id, actor.ip);
  const db = await getDb();
  const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, actor.id)).limit(1);
  if (!row?.enabledAt) throw new DalError("conflict", "mfa_not_enabled");
  const step = verifyTotp(decryptSecret(row.secret), code, row.lastUsedStep);
  if (step === null) {
    await refuse(actor, "mfa.disable");
    return false;
  }
  await db.transaction(async (tx) => {
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, actor.id));
    await tx.delete(userMfa).where(eq(userMfa.userId, actor.id));
    await recordAudit(tx, { action: "mfa.disable", actor, entityType: "user", entityId: actor.id });
  });
  await recordMfaSuccess(actor.id);
  return true;
}

/**
 * An admin removes a user's authenticator and recovery codes (lost phone): the user's live sessions end, and their
 * next sign-in enrols again when MFA is required. Audited; a non-admin's attempt is refused and audited as denied.
 */
export async function resetUserMfa(actor: Actor, userId: string): Promise<void> {
  const db = await getDb();
  try {
    assertCan(actor, "account:manage");
  } catch (err) {
    await recordAudit(db, {
      action: "mfa.reset",
      actor,
      outcome: "denied",
      entityType: "user",
      entityId: userId,
    });
    throw err;
  }
  await db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!target) throw new DalError("not_found", "user");
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    await tx.delete(userMfa).where(eq(userMfa.userId, userId));
    await tx
      .update(userSessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)));
    await recordAudit(tx, { action: "mfa.reset", actor, entityType: "user", entityId: userId });
  });
  // A user locked out by wrong codes can enrol again at once.
  await recordMfaSuccess(userId);
}

/** Whether a user has MFA on (admin console). */
export async function hasMfaEnabled(actor: Actor, userId: string): Promise<boolean> {
  assertCan(actor, "account:manage");
  const db = await getDb();
  const [row] = await db
    .select({ enabledAt: userMfa.enabledAt })
    .from(userMfa)
    .where(eq(userMfa.userId, userId));
  return Boolean(row?.enabledAt);
}

/**
 * The clinic setting "require MFA for staff". Turning it on is refused to an admin who has not enrolled
 * (they would be sent to enrolment at their very next click); turning it off is always possible.
 */
export async function setStaffMfaRequired(actor: Actor, required: boolean): Promise<void> {
  assertCan(actor, "settings:write");
  const db = await getDb();
  if (required && !(await getOwnMfaStatus(actor)).enabled) throw new DalError("conflict", "enrol_first");
  await db.transaction(async (tx) => {
    const values = { requireStaffMfa: required, updatedAt: new Date(), updatedBy: actor.id };
    await tx
      .insert(clinicSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: clinicSettings.id, set: values });
    await recordAudit(tx, { action: "settings.update", actor, entityType: "clinic_settings", entityId: "1" });
  });
}
