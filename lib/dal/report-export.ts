import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { reportSites, spasmReports, type SpasmReport } from "@/lib/db/schema";
import { createTranslator } from "next-intl";
import { loadCompiledMessages } from "@/lib/i18n/messages";
import type { Actor, Locale } from "@/lib/permissions";
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

type ExportRow = SpasmReport & { sites: { site: string; side: string }[] };
/** next-intl's translator over the whole catalogue, keys checked at run time (`has`) rather than by type. */
type Translate = { (key: string): string; has: (key: string) => boolean };

/** Exported times are the clinic's wall-clock time with its UTC offset: "2026-03-29T14:05:00+02:00". */
export const EXPORT_TIME_ZONE = "Europe/Paris";

export function localIso(d: Date | null, timeZone: string = EXPORT_TIME_ZONE): string | null {
  if (!d) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  // "GMT+02:00", or "GMT" alone at offset zero.
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName.replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** A code's wording in the patient's language; a code retired from the catalogue stays as it is. */
const label = (t: Translate, key: string, code: string) =>
  t.has(`${key}.${code}`) ? t(`${key}.${code}`) : code;
const labels = (t: Translate, key: string, codes: string[]) => codes.map((c) => label(t, key, c)).join("; ");

/** The export's columns: header key and value side by side, so they cannot drift apart. Words, not codes. */
const CSV_COLUMNS: [string, (r: ExportRow, t: Translate) => CsvValue][] = [
  ["reportId", (r) => r.id],
  ["startedAt", (r) => localIso(r.startedAt)],
  ["ongoing", (r, t) => t(r.ongoing ? "export.yes" : "export.no")],
  ["durationMinutes", (r) => r.durationMinutes],
  ["painScore", (r) => r.painScore],
  [
    "sites",
    (r, t) =>
      r.sites
        .map((x) => `${label(t, "fields.site", x.site)} (${label(t, "fields.side", x.side)})`)
        .join("; "),
  ],
  ["relief", (r, t) => label(t, "fields.relief", r.relief)],
  ["pattern", (r, t) => label(t, "fields.pattern", r.pattern)],
  ["handImpact", (r, t) => label(t, "fields.impact", r.handImpact)],
  ["walkingImpact", (r, t) => label(t, "fields.impact", r.walkingImpact)],
  ["redFlags", (r, t) => labels(t, "triage.redFlag", r.redFlags)],
  ["triggers", (r, t) => labels(t, "fields.trigger", r.triggers)],
  ["conditions", (r, t) => labels(t, "fields.condition", r.conditions)],
  ["notes", (r) => r.notes],
  ["triageLevel", (r, t) => label(t, "triage.level", r.triageLevel)],
  ["triageReasons", (r, t) => labels(t, "triage.reason", r.triageReasons)],
  ["triageRulesVersion", (r) => r.rulesVersion],
  ["status", (r, t) => label(t, "export.status", r.status)],
  ["withdrawnAt", (r) => localIso(r.withdrawnAt)],
  ["withdrawnReason", (r) => r.withdrawnReason],
  ["reportedAt", (r) => localIso(r.createdAt)],
];
export const CSV_COLUMN_KEYS = CSV_COLUMNS.map(([key]) => key);

function translator(locale: Locale): Translate {
  return createTranslator({ locale, messages: loadCompiledMessages(locale) }) as unknown as Translate;
}

/**
 * All of the patient's reports, withdrawn ones included with their status, oldest first (a spreadsheet's order),
 * in the patient's language and the clinic's local time.
 */
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
  // The patient's language, the one they chose for the app, for the headers and every value.
  const t = translator(actor.locale);
  const header = CSV_COLUMN_KEYS.map((key) => t(`export.column.${key}`));
  const rows = reports.map((r) => {
    const row: ExportRow = { ...r, sites: sitesOf(r.id) };
    return CSV_COLUMNS.map(([, value]) => value(row, t));
  });
  return toCsv([header, ...rows]);
}
