// CSV lines of the audit export. Pure (no server-only) so it is unit-tested; the route streams them.
import type { AuditRow } from "./admin-audit";

export const AUDIT_CSV_HEADER = [
  "time",
  "actor",
  "actor_email",
  "actor_role",
  "action",
  "entity_type",
  "patient",
  "outcome",
  "request_id",
  "ip",
  "user_agent",
].join(",");

/** RFC 4180 quoting, and a leading quote on values a spreadsheet would run as a formula. */
export function csvCell(value: string | null | undefined): string {
  let v = value ?? "";
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function auditCsvLine(r: AuditRow): string {
  return [
    r.at.toISOString(),
    r.actorName,
    r.actorEmail,
    r.actorRole,
    r.action,
    r.entityType,
    r.patientName,
    r.outcome,
    r.requestId,
    r.ip,
    r.userAgent,
  ]
    .map(csvCell)
    .join(",");
}
