import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { patientProfiles, userSessions, users } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DalError } from "@/lib/errors";
import type { PasswordContext } from "@/lib/domain/password-policy";
import { passwordPolicyError } from "@/lib/validations/password";
import type { Actor, Locale, Role } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";
import { refreshTriageCase } from "./triage-cases";

// Every change that must end a user's live sessions bumps sessionVersion: the next request re-reads the user
// (lib/dal/auth.ts resolveSession) and finds the token stale. Users are never deleted: the audit log keeps
// pointing at them, and the database refuses to rewrite it.

const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/**
 * 3 groups of 4 from 57 symbols (~70 bits): easy to read aloud, not to guess. Drawn again in the rare case it
 * breaks the password policy (a group spelling part of the user's name), so a generated one always passes.
 */
export function generateTemporaryPassword(context: PasswordContext = {}): string {
  const group = () => Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]);
  for (;;) {
    const candidate = [group(), group(), group()].map((g) => g.join("")).join("-");
    if (!passwordPolicyError(candidate, context)) return candidate;
  }
}

const bump = () => ({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() });

async function lockUser(tx: Db, userId: string) {
  const [row] = await tx
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!row) throw new DalError("not_found", "user");
  return row;
}

/** Locks every active admin row, so two admins demoting each other at once cannot both succeed. */
async function assertKeepsAnActiveAdmin(tx: Db, userId: string): Promise<void> {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(users.id)
    .for("update");
  if (admins.some((a) => a.id === userId) && admins.length <= 1) throw new DalError("conflict", "last_admin");
}

/**
 * A doctor who leaves (disabled or re-roled) must not take patients out of every queue: their patients go back
 * to the shared pool every doctor sees, each move audited and the queue refreshed in this transaction.
 */
async function releasePanel(tx: Db, actor: Actor, doctorId: string): Promise<void> {
  const released = await tx
    .update(patientProfiles)
    .set({ assignedDoctorId: null, updatedAt: new Date() })
    .where(eq(patientProfiles.assignedDoctorId, doctorId))
    .returning({ patientId: patientProfiles.userId });
  for (const { patientId } of released) {
    await refreshTriageCase(tx, patientId);
    await recordAudit(tx, {
      action: "assignment.update",
      actor,
      patientId,
      entityType: "patient",
      entityId: patientId,
    });
  }
}

export type CreateAccountParams = {
  role: Role;
  name: string;
  email: string;
  locale: Locale;
  temporaryPassword?: string;
};

/** Creates an account with a temporary password the user must replace at first sign-in. */
export async function createAccount(
  actor: Actor,
  input: CreateAccountParams,
): Promise<{ id: string; temporaryPassword: string }> {
  assertCan(actor, "account:manage");
  const email = input.email.trim().toLowerCase();
  const identity = { email, name: input.name };
  const temporaryPassword = input.temporaryPassword ?? generateTemporaryPassword(identity);
  if (passwordPolicyError(temporaryPassword, identity)) throw new DalError("invalid", "temporaryPassword");
  const passwordHash = await hashPassword(temporaryPassword);
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    if (taken) throw new DalError("conflict", "email");
    const [user] = await tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        locale: input.locale,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    if (input.role === "patient") {
      await tx.insert(patientProfiles).values({ userId: user.id });
    }
    await recordAudit(tx, {
      action: "account.create",
      actor,
      entityType: "user",
      entityId: user.id,
      patientId: input.role === "patient" ? user.id : null,
    });
    return user.id;
  });
  return { id, temporaryPassword };
}

/** Disables or re-enables an account; its live sessions end at their next request. */
export async function setAccountStatus(
  actor: Actor,
  userId: string,
  status: "active" | "disabled",
): Promise<void> {
  assertCan(actor, "account:manage");
  if (userId === actor.id) throw new DalError("forbidden", "self");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.status === status) return;
    if (status === "disabled" && user.role === "admin") await assertKeepsAnActiveAdmin(tx, userId);
    await tx
      .update(users)
      .set({ status, ...bump() })
      .where(and(eq(users.id, userId), ne(users.status, status)));
    if (user.role === "patient") await refreshTriageCase(tx, userId);
    if (user.role === "doctor" && status === "disabled") await releasePanel(tx, actor, userId);
    await recordAudit(tx, {
      action: "account.status",
      actor,
      entityType: "user",
      entityId: userId,
      patientId: user.role === "patient" ? userId : null,
    });
  });
}

/** Changes a user's role; their sessions end, so the next request sees the new role (or none). */
export async function changeAccountRole(actor: Actor, userId: string, role: Role): Promise<void> {
  assertCan(actor, "account:manage");
  if (userId === actor.id) throw new DalError("forbidden", "self");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.role === role) return;
    if (user.role === "admin" && user.status === "active") await assertKeepsAnActiveAdmin(tx, userId);
    await tx
      .update(users)
      .set({ role, ...bump() })
      .where(eq(users.id, userId));
    if (role === "patient") {
      await tx.insert(patientProfiles).values({ userId }).onConflictDoNothing();
    }
    if (user.role === "doctor") await releasePanel(tx, actor, userId);
    // A patient's case leaves (or joins) the doctors' queue with the role.
    if (user.role === "patient" || role === "patient") await refreshTriageCase(tx, userId);
    await recordAudit(tx, {
      action: "account.role",
      actor,
      entityType: "user",
      entityId: userId,
      patientId: user.role === "patient" || role === "patient" ? userId : null,
    });
  });
}

/** A new temporary password; live sessions end and the user must choose a new password at next sign-in. */
export async function resetAccountPassword(
  actor: Actor,
  userId: string,
  chosen?: string,
): Promise<{ temporaryPassword: string }> {
  assertCan(actor, "account:manage");
  const db = await getDb();
  // Who the password is for is needed by the policy (it may not contain their e-mail or name).
  const [identity] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  if (!identity) throw new DalError("not_found", "user");
  const temporaryPassword = chosen ?? generateTemporaryPassword(identity);
  if (passwordPolicyError(temporaryPassword, identity)) throw new DalError("invalid", "temporaryPassword");
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, ...bump() })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      action: "account.password_reset",
      actor,
      entityType: "user",
      entityId: userId,
      patientId: user.role === "patient" ? userId : null,
    });
  });
  return { temporaryPassword };
}

export type UpdateAccountParams = { name: string; email: string; locale: Locale };

/** Name, e-mail (the sign-in identifier) and language. Sessions stay: nothing about access changes. */
export async function updateAccountDetails(
  actor: Actor,
  userId: string,
  input: UpdateAccountParams,
): Promise<void> {
  assertCan(actor, "account:manage");
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, ne(users.id, userId)))
      .limit(1);
    if (taken) throw new DalError("conflict", "email");
    await tx
      .update(users)
      .set({ name: input.name.trim(), email, locale: input.locale, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      action: "account.update",
      actor,
      entityType: "user",
      entityId: userId,
      patientId: user.role === "patient" ? userId : null,
    });
  });
}

/**
 * The forced change after a temporary password: any role, own account only. Bumps sessionVersion so every
 * session opened with the temporary password ends; the caller signs the user in again with the new one.
 */
export async function replaceTemporaryPassword(actor: Actor, password: string): Promise<void> {
  const db = await getDb();
  const [row] = await db
    .select({ passwordHash: users.passwordHash, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.status, "active")));
  if (!row) throw new DalError("unauthenticated");
  if (!row.mustChangePassword) throw new DalError("conflict", "password_already_changed");
  if (passwordPolicyError(password, actor)) throw new DalError("invalid", "password_policy");
  if (await verifyPassword(row.passwordHash, password)) throw new DalError("invalid", "password_reused");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, ...bump() })
      .where(and(eq(users.id, actor.id), eq(users.mustChangePassword, true)))
      .returning({ id: users.id });
    if (!updated) throw new DalError("conflict", "password_already_changed");
    await recordAudit(tx, {
      action: "account.password_change",
      actor,
      entityType: "user",
      entityId: actor.id,
      patientId: actor.role === "patient" ? actor.id : null,
    });
  });
}

/** Ids that exist and hold the given role (for bulk operations' checks). */
export async function existingIdsWithRole(tx: Db, ids: string[], role: Role): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, role)));
  return new Set(rows.map((r) => r.id));
}

/**
 * "Sign out everywhere" for someone else's account (a lost phone, a shared computer): every session of that user
 * ends at their next request (session version bumped and every live session row ended). Audited.
 */
export async function endAccountSessions(actor: Actor, userId: string): Promise<number> {
  assertCan(actor, "account:manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    await tx.update(users).set(bump()).where(eq(users.id, userId));
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)))
      .returning({ id: userSessions.id });
    await recordAudit(tx, {
      action: "account.sessions_end",
      actor,
      entityType: "user",
      entityId: userId,
      patientId: user.role === "patient" ? userId : null,
    });
    return ended.length;
  });
}
