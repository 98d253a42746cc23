// The report form's limits, field order and date helpers, without the schema: client components import these, and
// importing lib/validations/report shipped all of zod (~30 kB gzipped) with the form. The schema loads on the form's
// first validation (components/report/report-validator.ts); report.ts re-exports everything here.
import { MIDLINE_SITES, type BodySite } from "@/lib/domain/report-fields";
import { RED_FLAGS } from "@/lib/domain/triage";

export const MAX_SITES = 10;
export const MAX_DURATION_MINUTES = 10_080; // one week
export const MAX_NOTES_LENGTH = 2000;
/** A phone's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_REPORT_AGE_MS = 365 * 24 * 60 * 60_000;

/** "None of these": the explicit answer to the red-flag question (stored as an empty list). */
export const RED_FLAG_NONE = "none";
export const RED_FLAG_ANSWERS = [...RED_FLAGS, RED_FLAG_NONE] as const;
export type RedFlagAnswer = (typeof RED_FLAG_ANSWERS)[number];

/** Field names in the order the form shows them (the form focuses the first invalid one). */
export const REPORT_FIELDS = [
  "sites",
  "ongoing",
  "durationMinutes",
  "painScore",
  "redFlags",
  "relief",
  "pattern",
  "handImpact",
  "walkingImpact",
  "startedAt",
  "triggers",
  "conditions",
  "notes",
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export function isMidlineSite(site: BodySite): boolean {
  return MIDLINE_SITES.includes(site);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");

/** A Date as a datetime-local value ("YYYY-MM-DDTHH:mm") in the local time zone. */
export function toLocalInputValue(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value → ISO 8601 with the browser's offset ("2026-11-25T14:30:00+01:00"), or "" if unreadable. */
export function localInputToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return "";
  const d = new Date(value); // no offset in the string: the browser reads it as local time
  if (Number.isNaN(d.getTime())) return "";
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${toLocalInputValue(d)}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
