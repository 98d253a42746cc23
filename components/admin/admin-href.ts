// Plain module: URLs of the admin lists with their filters, for server pagination and export links.
import { withQuery } from "@/lib/url";
import type { AccountFilters, AuditFilters } from "@/lib/validations/admin";

export function accountsHref(f: Partial<AccountFilters>): string {
  return withQuery("/admin/users", {
    q: f.q,
    role: f.role,
    status: f.status,
    doctor: f.doctor,
    page: f.page && f.page > 1 ? f.page : undefined,
  });
}

export function auditQuery(f: Partial<AuditFilters>): Record<string, string | number | undefined> {
  return { actor: f.actor, patient: f.patient, action: f.action, outcome: f.outcome, from: f.from, to: f.to };
}

export function auditHref(f: Partial<AuditFilters>, tab?: "break-glass"): string {
  return withQuery("/admin/audit", {
    tab,
    ...(tab ? {} : auditQuery(f)),
    page: f.page && f.page > 1 ? f.page : undefined,
  });
}

export function auditExportHref(f: Partial<AuditFilters>): string {
  return withQuery("/api/admin/audit/export", auditQuery(f));
}
