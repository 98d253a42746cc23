import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { users, userSessions } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { DalError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { passwordPolicyError } from "@/lib/validations/password";
import { recordAudit } from "./audit";
import { assertPasswordChangeAllowed, recordPasswordChangeFailure } from "./rate-limit";

// Self-service on one's own account, any role. Both changes prove the password first; the proofs share the
// password-change throttle (lib/dal/rate-limit.ts), so a stolen session cannot guess its way to the password
// through either form. A wrong password is audited as a failure.

function isUniqueViolation(err: unknown): boolean {
  const code = (e: unknown) => (e as { code?: unknown } | null)?.code;
  return code(err) === "23505" || code((err as { cause?: unknown } | null)?.cause) === "23505";
}

export type ChangeOwnPasswordParams = { currentPassword: string; newPassword: string };
export type ChangeOwnEmailParams = { password: string; email: string };

/** Checks the actor's password under the throttle; throws DalError("invalid", field) when it is wrong. */
async function provePassword(
  actor: Actor,
  password: string,
  field: string,
  action: "account.password_change" | "account.update",
) {
  await assertPasswordChangeAllowed(actor.id); // ThrottledError before any hash
  const db = await getDb();
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.status, "active")));
  if (!row) throw new DalError("unauthenticated");
  if (!password || password.length > 128 || !(await verifyPassword(row.passwordHash, password))) {
    await recordPasswordChangeFailure(actor.id);
    await recordAudit(db, {
      action,
      actor,
      outcome: "failure",
      entityType: "user",
      entityId: actor.id,
      patientId: actor.role === "patient" ? actor.id : null,
    });
    throw new DalError("invalid", field);
  }
  return row.passwordHash;
}

/**
 * Changes the actor's own password. Every other session of the user ends (a thief's copy of a cookie included);
 * `currentSessionId`, the browser making the change, stays signed in. sessionVersion is not bumped: that would end
 * this session too. Returns how many other sessions ended.
 */
export async function changeOwnPassword(
  actor: Actor,
  currentSessionId: string,
  input: ChangeOwnPasswordParams,
): Promise<{ endedSessions: number }> {
  const policy = passwordPolicyError(input.newPassword, actor);
  if (policy) throw new DalError("invalid", "newPassword");
  await provePassword(actor, input.currentPassword, "currentPassword", "account.password_change");
  if (input.newPassword === input.currentPassword) throw new DalError("invalid", "password_reused");
  const passwordHash = await hashPassword(input.newPassword);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, failedLoginCount: 0, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    const ended = await tx
      .update(userSessions)
      .set({ endedAt: sql`now()` })
      .where(
        and(
          eq(userSessions.userId, actor.id),
          ne(userSessions.id, currentSessionId),
          isNull(userSessions.endedAt),
        ),
      )
      .returning({ id: userSessions.id });
    await recordAudit(tx, {
      action: "account.password_change",
      actor,
      entityType: "user",
      entityId: actor.id,
      patientId: actor.role === "patient" ? actor.id : null,
    });
    return { endedSessions: ended.length };
  });
}

/**
 * Changes the actor's own e-mail (their sign-in identifier), stored lower-cased. Refused when another account
 * holds it, whatever its case. Sessions stay: nothing about access changes.
 */
export async function changeOwnEmail(actor: Actor, input: ChangeOwnEmailParams): Promise<{ email: string }> {
  const email = input.email.trim().toLowerCase();
  await provePassword(actor, input.password, "password", "account.update");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, ne(users.id, actor.id)))
      .limit(1);
    if (taken) throw new DalError("email_taken");
    try {
      await tx.update(users).set({ email, updatedAt: new Date() }).where(eq(users.id, actor.id));
    } catch (err) {
      // Taken between the check and the write: the unique index on lower(email) decides.
      if (isUniqueViolation(err)) throw new DalError("email_taken");
      throw err;
    }
    await recordAudit(tx, {
      action: "account.update",
      actor,
      entityType: "user",
      entityId: actor.id,
      patientId: actor.role === "patient" ? actor.id : null,
    });
    return { email };
  });
}
