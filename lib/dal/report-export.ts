import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { reportSites, spasmReports, type SpasmReport } from "@/lib/db/schema";
import type { Actor } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";
import { groupSites } from "./report-history";

export type CsvValue = string | number | boolean | null;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 cell: formula-looking text is defused with a leading quote, then quoted if it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: CsvValue[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

type ExportRow = SpasmReport & { sites: string };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const list = (codes: string[]) => codes.join("; ");

/** The export's columns: header and value side by side, so they cannot drift apart. Codes, not wording. */
const CSV_COLUMNS: [string, (r: ExportRow) => CsvValue][] = [
  ["report_id", (r) => r.id],
  ["started_at", (r) => iso(r.startedAt)],
  ["ongoing", (r) => r.ongoing],
  ["duration_minutes", (r) => r.durationMinutes],
  ["pain_score", (r) => r.painScore],
  ["sites", (r) => r.sites],
  ["relief", (r) => r.relief],
  ["pattern", (r) => r.pattern],
  ["hand_impact", (r) => r.handImpact],
  ["walking_impact", (r) => r.walkingImpact],
  ["triggers", (r) => list(r.triggers)],
  ["conditions", (r) => list(r.conditions)],
  ["notes", (r) => r.notes],
  ["triage_level", (r) => r.triageLevel],
  ["triage_reasons", (r) => list(r.triageReasons)],
  ["triage_rules_version", (r) => r.rulesVersion],
  ["status", (r) => r.status],
  ["withdrawn_at", (r) => iso(r.withdrawnAt)],
  ["withdrawn_reason", (r) => r.withdrawnReason],
  ["reported_at", (r) => iso(r.createdAt)],
];
export const CSV_HEADER = CSV_COLUMNS.map(([name]) => name);

/** All of the patient's reports, withdrawn ones included with their status, oldest first (a spreadsheet's order). */
export async function exportOwnReportsCsv(actor: Actor): Promise<string> {
  assertCan(actor, "report:read-own");
  const db = await getDb();
  const [reports, sites] = await Promise.all([
    db
      .select()
      .from(spasmReports)
      .where(eq(spasmReports.patientId, actor.id))
      .orderBy(asc(spasmReports.startedAt), asc(spasmReports.id)),
    db
      .select({ reportId: reportSites.reportId, site: reportSites.site, side: reportSites.side })
      .from(reportSites)
      .innerJoin(spasmReports, eq(spasmReports.id, reportSites.reportId))
      .where(eq(spasmReports.patientId, actor.id)),
  ]);
  await recordAudit(db, { action: "report.export", actor, patientId: actor.id, entityType: "report" });
  const sitesOf = groupSites(sites);
  const rows = reports.map((r) => {
    const row: ExportRow = { ...r, sites: list(sitesOf(r.id).map((x) => `${x.site}:${x.side}`)) };
    return CSV_COLUMNS.map(([, value]) => value(row));
  });
  return toCsv([CSV_HEADER, ...rows]);
}
