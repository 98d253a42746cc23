import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OwnReport } from "@/lib/dal/reports";

/** What the patient reported, read back in their words (codes shown with the catalog's wording). */
export async function ReportSummary({ report }: { report: OwnReport }) {
  const t = await getTranslations("report.summary");
  const tf = await getTranslations("fields");
  const tr = await getTranslations("triage");
  const format = await getFormatter();
  const none = <span className="text-muted-foreground">{t("none")}</span>;

  const duration = report.ongoing
    ? t("stillGoing")
    : report.durationMinutes === null
      ? null
      : report.durationMinutes < 60
        ? t("minutes", { minutes: report.durationMinutes })
        : t("hoursMinutes", {
            hours: Math.floor(report.durationMinutes / 60),
            minutes: report.durationMinutes % 60,
          });

  const rows: { key: string; label: string; value: ReactNode }[] = [
    {
      key: "started",
      label: t("started"),
      value: format.dateTime(report.startedAt, { dateStyle: "full", timeStyle: "short" }),
    },
    { key: "duration", label: t("duration"), value: duration ?? none },
    { key: "pain", label: t("pain"), value: t("painValue", { score: report.painScore }) },
    {
      key: "sites",
      label: t("sites"),
      value: (
        <ul className="grid gap-0.5">
          {report.sites.map((s) => (
            <li key={s.site}>
              {tf(`site.${s.site}`)}
              {s.side === "midline" ? null : (
                <span className="text-muted-foreground"> · {tf(`side.${s.side}`)}</span>
              )}
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: "redFlags",
      label: t("redFlags"),
      value:
        report.redFlags.length > 0 ? (
          report.redFlags.map((f) => tr(`redFlag.${f}`)).join(", ")
        ) : report.triage.rulesVersion < 2 ? (
          <span className="text-muted-foreground">{t("redFlagsNotAsked")}</span>
        ) : (
          t("redFlagsNone")
        ),
    },
    { key: "relief", label: t("relief"), value: tf(`relief.${report.relief}`) },
    { key: "pattern", label: t("pattern"), value: tf(`pattern.${report.pattern}`) },
    { key: "handImpact", label: t("handImpact"), value: tf(`impact.${report.handImpact}`) },
    { key: "walkingImpact", label: t("walkingImpact"), value: tf(`impact.${report.walkingImpact}`) },
    {
      key: "triggers",
      label: t("triggers"),
      value: report.triggers.length ? report.triggers.map((x) => tf(`trigger.${x}`)).join(", ") : none,
    },
    {
      key: "conditions",
      label: t("conditions"),
      value: report.conditions.length ? report.conditions.map((c) => tf(`condition.${c}`)).join(", ") : none,
    },
    {
      key: "notes",
      label: t("notes"),
      value: report.notes ? <p className="break-words whitespace-pre-line">{report.notes}</p> : none,
    },
  ];

  return (
    <dl className="divide-y" data-testid="report-summary">
      {rows.map((row) => (
        <div
          key={row.key}
          className="grid gap-1 py-3 first:pt-0 last:pb-0 sm:grid-cols-[12rem_1fr] sm:gap-4"
          data-row={row.key}
        >
          <dt className="text-muted-foreground text-sm font-medium">{row.label}</dt>
          <dd className="text-sm">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
