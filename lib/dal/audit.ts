import "server-only";
import type { Db } from "@/lib/db";
import { auditEvents } from "@/lib/db/schema";
import type { Actor, Role } from "@/lib/permissions";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_out"
  | "auth.register"
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
  | "admin.overview";

export type AuditInput = {
  action: AuditAction;
  actor: Pick<Actor, "id" | "role"> & { requestId?: string | null };
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
  });
}

/** For events with no known actor (a failed sign-in for an unknown e-mail). */
export async function recordAnonymousAudit(
  db: Db,
  input: Omit<AuditInput, "actor"> & { requestId?: string | null },
): Promise<void> {
  await db.insert(auditEvents).values({
    action: input.action,
    outcome: input.outcome ?? "failure",
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    requestId: input.requestId ?? null,
  });
}
