import Link from "next/link";
import { Archive, ChevronRight, Clock, Timer } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ReportListItem } from "@/lib/dal/report-history";
import { cn } from "@/lib/utils";
import { ReviewStatus } from "@/components/report/review-status";
import { PainMeter } from "./pain-meter";
import { WithdrawReportDialog } from "./withdraw-report-dialog";

/** The patient's reports, one row each; the whole row opens the report, the Withdraw button sits above it. */
export async function ReportList({ items }: { items: ReportListItem[] }) {
  const [t, tf, format] = await Promise.all([
    getTranslations("history.row"),
    getTranslations("fields"),
    getFormatter(),
  ]);
  const duration = (r: ReportListItem) =>
    r.ongoing
      ? t("ongoing")
      : r.durationMinutes === null
        ? null
        : r.durationMinutes < 60
          ? t("durationMinutes", { minutes: r.durationMinutes })
          : t("durationHours", {
              hours: Math.floor(r.durationMinutes / 60),
              minutes: r.durationMinutes % 60,
            });

  return (
    <Card className="gap-0 overflow-hidden py-0">
      <ul className="divide-y" data-testid="report-list">
        {items.map((r) => {
          const withdrawn = r.status === "withdrawn";
          const lasted = duration(r);
          return (
            <li
              key={r.id}
              data-testid="report-row"
              data-status={r.status}
              data-level={r.level}
              className="hover:bg-muted/40 relative flex flex-wrap gap-x-4 gap-y-3 px-4 py-4 transition-colors sm:flex-nowrap sm:px-5"
            >
              <time
                dateTime={r.startedAt.toISOString()}
                aria-hidden
                className={cn(
                  "bg-muted flex size-14 shrink-0 flex-col items-center justify-center rounded-lg leading-none",
                  withdrawn && "border border-dashed bg-transparent",
                )}
              >
                <span className="text-muted-foreground text-xs uppercase">
                  {format.dateTime(r.startedAt, { month: "short" })}
                </span>
                <span className="mt-1 text-xl font-semibold tabular-nums">
                  {format.dateTime(r.startedAt, { day: "numeric" })}
                </span>
              </time>
              <div className="grid min-w-0 flex-1 gap-1.5">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <h2 className="font-medium">
                    {/* Stretched link: the whole row is the target, without nesting the button in the link. */}
                    <Link
                      href={`/patient/reports/${r.id}`}
                      className="rounded-sm outline-none after:absolute after:inset-0 after:rounded-none focus-visible:after:ring-[3px] focus-visible:after:ring-ring/70 focus-visible:after:ring-inset"
                    >
                      {format.dateTime(r.startedAt, { dateStyle: "full", timeStyle: "short" })}
                    </Link>
                  </h2>
                  {/* A withdrawn report keeps its triage level on record; the marker says it no longer counts. */}
                  <TriageBadge level={r.level} />
                  {withdrawn ? (
                    <Badge variant="outline" data-testid="withdrawn-badge">
                      <Archive aria-hidden /> {t("withdrawn")}
                    </Badge>
                  ) : null}
                </div>
                <p className="text-sm">
                  {r.sites
                    .map((s) =>
                      s.side === "midline"
                        ? tf(`site.${s.site}`)
                        : `${tf(`site.${s.site}`)} · ${tf(`side.${s.side}`)}`,
                    )
                    .join(", ")}
                </p>
                <div className="text-muted-foreground flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                  <span className="inline-flex items-center gap-2">
                    <PainMeter score={r.painScore} />
                    {t("pain", { score: r.painScore })}
                  </span>
                  {lasted ? (
                    <span className="inline-flex items-center gap-1.5">
                      {r.ongoing ? (
                        <Clock aria-hidden className="size-4" />
                      ) : (
                        <Timer aria-hidden className="size-4" />
                      )}
                      {lasted}
                    </span>
                  ) : null}
                </div>
                {withdrawn ? (
                  <p className="text-muted-foreground text-sm" data-testid="withdrawn-note">
                    {r.withdrawnAt
                      ? t("withdrawnOn", { date: format.dateTime(r.withdrawnAt, { dateStyle: "medium" }) })
                      : null}
                    {r.withdrawnReason ? <> — {t("withdrawnReason", { reason: r.withdrawnReason })}</> : null}
                  </p>
                ) : (
                  <ReviewStatus review={r.review} />
                )}
              </div>
              {/* One Withdraw button per row: under the text on a phone, at the row's end from sm up. */}
              <div className="flex basis-full items-center gap-2 pl-18 sm:basis-auto sm:self-center sm:pl-0">
                {withdrawn ? null : (
                  <div className="relative z-10">
                    <WithdrawReportDialog reportId={r.id} />
                  </div>
                )}
                <ChevronRight aria-hidden className="text-muted-foreground hidden size-5 sm:block" />
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
