import "server-only";
import type { Db } from "@/lib/db";
import { auditEvents } from "@/lib/db/schema";
import type { Actor, Role } from "@/lib/permissions";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "auth.throttled"
  | "auth.register"
  | "mfa.enrol"
  | "mfa.verify"
  | "mfa.recovery_used"
  | "mfa.disable"
  | "mfa.reset"
  | "profile.read"
  | "profile.update"
  | "report.create"
  | "report.read"
  | "report.list"
  | "report.withdraw"
  | "report.export"
  | "report.trends"
  | "care.read"
  | "access_log.read"
  | "notification.read"
  | "account.create"
  | "account.update"
  | "settings.update"
  | "queue.read"
  | "case.read"
  | "case.claim"
  | "patient.search"
  | "break_glass"
  | "evaluation.read"
  | "evaluation.write"
  | "evaluation.sign"
  | "evaluation.amend"
  | "cause.read"
  | "cause.write"
  | "plan.read"
  | "plan.write"
  | "plan.publish"
  | "referral.update"
  | "injection.update"
  | "admin.overview"
  | "account.list"
  | "account.read"
  | "account.status"
  | "account.sessions_end"
  | "account.role"
  | "account.password_reset"
  | "account.password_change"
  | "assignment.update"
  | "audit.read"
  | "audit.export";

/** Where the request came from (lib/request-context.ts); all optional so existing callers keep working. */
export type AuditRequestMeta = { requestId?: string | null; ip?: string | null; userAgent?: string | null };

export type AuditInput = {
  action: AuditAction;
  actor: Pick<Actor, "id" | "role"> & AuditRequestMeta;
  outcome?: "success" | "denied" | "failure";
  patientId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
};

/** Appends one event. Call it with the transaction that does the work, so both land or neither. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    action: input.action,
    actorId: input.actor.id,
    actorRole: input.actor.role as Role,
    outcome: input.outcome ?? "success",
    patientId: input.patientId ?? null,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    requestId: input.actor.requestId ?? null,
    ip: input.actor.ip ?? null,
    userAgent: input.actor.userAgent ?? null,
  });
}

/** For events with no known actor (a failed sign-in for an unknown e-mail). */
export async function recordAnonymousAudit(
  db: Db,
  input: Omit<AuditInput, "actor"> & AuditRequestMeta,
): Promise<void> {
  await db.insert(auditEvents).values({
    action: input.action,
    outcome: input.outcome ?? "failure",
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  });
}
