import Link from "next/link";
import { useLocale, useNow, useTimeZone, useTranslations } from "next-intl";
import { _createCache, _createIntlFormatters, createFormatter } from "use-intl/core";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Card } from "@/components/ui/card";
import { Table, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TriageReason } from "@/lib/domain/triage";
import type { QueueRow } from "@/lib/dto/queue";
import { ClaimButton } from "./claim-button";

// The 25 rows use plain <tr>/<td> with fixed classes: the shadcn cells merge their classes (tailwind-merge) on every
// cell and carry checkbox styles this table never needs, which made rows a third larger and slower to render.
const CELL = "p-2 align-middle";
// "Mine" looks like the secondary Badge without its focus and invalid-state styles, which a static label never uses
// (each Badge carries ~500 bytes of classes; the mine rows repeat it on every line).
const MINE =
  "bg-secondary text-secondary-foreground inline-flex rounded-full border border-transparent px-2 py-0.5 text-xs font-medium";

// Intl formatters for the whole process, not per request: next-intl's provider builds a new cache on every server
// render, and a DateTimeFormat costs ~75 µs to construct, more than formatting the 25 rows' dates.
const intlCache = _createCache();
const intlFormatters = _createIntlFormatters(intlCache);

/** t(key) once per distinct key in a render: the rows repeat the same few reasons and body sites. */
function labelsOf<K extends string>(t: (key: K) => string): (key: K) => string {
  const seen = new Map<K, string>();
  return (key) => {
    let label = seen.get(key);
    if (label === undefined) seen.set(key, (label = t(key)));
    return label;
  };
}

export function QueueTable({ rows, total }: { rows: QueueRow[]; total: number }) {
  const t = useTranslations("doctor.queue");
  const tr = useTranslations("triage.reason");
  const ts = useTranslations("fields.site");
  const reason = labelsOf((code: TriageReason) => tr(code));
  const site = labelsOf((code: string) => ts(code));
  const locale = useLocale();
  const timeZone = useTimeZone();
  const now = useNow({ updateInterval: 60_000 });
  const format = createFormatter({ locale, timeZone, now, _cache: intlCache, _formatters: intlFormatters });
  return (
    <Card className="py-0">
      <Table data-testid="triage-queue">
        <caption className="sr-only">{t("count", { count: total })}</caption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("patient")}</TableHead>
            <TableHead>{t("level")}</TableHead>
            <TableHead className="hidden lg:table-cell">{t("reasons")}</TableHead>
            <TableHead className="hidden md:table-cell">{t("sites")}</TableHead>
            <TableHead className="hidden text-right sm:table-cell">{t("reports")}</TableHead>
            <TableHead className="hidden sm:table-cell">{t("waiting")}</TableHead>
            <TableHead>{t("assignment")}</TableHead>
          </TableRow>
        </TableHeader>
        <tbody className="[&_tr:last-child]:border-0">
          {rows.map((c) => {
            const since = new Date(c.oldestUnreviewedAt);
            const waiting = format.relativeTime(since, now);
            return (
              <tr
                key={c.patientId}
                className="hover:bg-muted/50 border-b transition-colors"
                data-testid="queue-row"
                data-level={c.level}
              >
                <td className={`${CELL} font-medium`}>
                  <Link
                    href={`/doctor/patients/${c.patientId}`}
                    className="focus-visible:ring-ring/70 rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px]"
                  >
                    {c.patientName}
                  </Link>
                  <span className="text-muted-foreground block text-xs font-normal">
                    {c.age === null ? t("ageUnknown") : t("age", { age: c.age })}
                    <span className="sm:hidden"> · {waiting}</span>
                  </span>
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <TriageBadge level={c.level} />
                </td>
                <td className={`${CELL} text-muted-foreground hidden max-w-xs lg:table-cell`}>
                  {c.reasons.map(reason).join(" · ") || t("noReason")}
                </td>
                <td className={`${CELL} text-muted-foreground hidden max-w-[12rem] md:table-cell`}>
                  {c.sites.map(site).join(", ")}
                </td>
                <td className={`${CELL} hidden text-right whitespace-nowrap tabular-nums sm:table-cell`}>
                  {c.unreviewedCount}
                </td>
                <td className={`${CELL} hidden whitespace-nowrap sm:table-cell`}>
                  <time
                    dateTime={c.oldestUnreviewedAt}
                    title={format.dateTime(since, { dateStyle: "medium", timeStyle: "short" })}
                  >
                    {waiting}
                  </time>
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  {c.assignment === "mine" ? (
                    <span className={MINE}>{t("mine")}</span>
                  ) : (
                    <ClaimButton patientId={c.patientId} patientName={c.patientName} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
