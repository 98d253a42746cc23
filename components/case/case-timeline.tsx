import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TimelinePage, TimelineReport } from "@/lib/dto/case";

type T = Awaited<ReturnType<typeof getTranslations>>;

function label(t: T, key: string, fallback: string) {
  return t.has(key) ? t(key) : fallback;
}

async function ReportCard({ r }: { r: TimelineReport }) {
  const [t, tf, tr, format] = await Promise.all([
    getTranslations("doctor.case"),
    getTranslations("fields"),
    getTranslations("triage.reason"),
    getFormatter(),
  ]);
  const withdrawn = r.status === "withdrawn";
  const duration = r.ongoing
    ? t("timeline.ongoing")
    : r.durationMinutes === null
      ? "—"
      : t("timeline.minutes", { count: r.durationMinutes });
  const facts: [string, string][] = [
    [t("timeline.pain"), `${r.painScore}/10`],
    [t("timeline.duration"), duration],
    [t("timeline.relief"), label(tf, `relief.${r.relief}`, r.relief)],
    [t("timeline.pattern"), label(tf, `pattern.${r.pattern}`, r.pattern)],
    [t("timeline.hands"), label(tf, `impact.${r.handImpact}`, r.handImpact)],
    [t("timeline.walking"), label(tf, `impact.${r.walkingImpact}`, r.walkingImpact)],
    [
      t("timeline.triggers"),
      r.triggers.length ? r.triggers.map((x) => label(tf, `trigger.${x}`, x)).join(", ") : t("none"),
    ],
  ];
  return (
    <li
      className={`bg-card rounded-xl border p-4 ${withdrawn ? "opacity-75" : ""}`}
      data-testid="timeline-report"
      data-level={r.level}
      data-status={r.status}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-medium">
            <time dateTime={r.startedAt}>
              {format.dateTime(new Date(r.startedAt), { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </h3>
          <p className="text-muted-foreground text-sm">
            {r.sites
              .map((s) => `${label(tf, `site.${s.site}`, s.site)} (${label(tf, `side.${s.side}`, s.side)})`)
              .join(", ")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {withdrawn ? <Badge variant="outline">{t("timeline.withdrawn")}</Badge> : null}
          <TriageBadge level={r.level} />
          <Badge variant="outline" title={t("timeline.rulesVersionHelp")}>
            {t("timeline.rulesVersion", { version: r.rulesVersion })}
          </Badge>
        </div>
      </div>
      {r.redFlags.length > 0 ? (
        <p className="text-destructive mt-2 text-sm font-medium">
          {t("redFlagsTitle")}: {r.redFlags.map((f) => label(t, `redFlag.${f}`, f)).join(", ")}
        </p>
      ) : null}
      {r.reasons.length > 0 ? (
        <p className="mt-2 text-sm">
          <span className="text-muted-foreground">{t("why")} </span>
          {r.reasons.map((x) => label(tr, x, x)).join(" · ")}
        </p>
      ) : null}
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-muted-foreground text-xs">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {r.notes ? (
        <p className="bg-muted mt-3 rounded-md p-2 text-sm whitespace-pre-line">
          <span className="sr-only">{t("timeline.notes")}: </span>
          {r.notes}
        </p>
      ) : null}
      {withdrawn ? (
        <p className="text-muted-foreground mt-2 text-sm">
          {t("timeline.withdrawnReason", { reason: r.withdrawnReason ?? "—" })}
        </p>
      ) : null}
      <p className="text-muted-foreground mt-2 text-xs">
        {r.reviewedBy && r.reviewedAt
          ? t("timeline.reviewed", {
              name: r.reviewedBy,
              date: format.dateTime(new Date(r.reviewedAt), { dateStyle: "medium", timeStyle: "short" }),
            })
          : t("timeline.notReviewed")}
      </p>
    </li>
  );
}

/** Every report, newest first, one page at a time (keyset cursor in the URL). */
export async function CaseTimeline({
  page,
  moreHref,
  firstHref,
  isFirst,
}: {
  page: TimelinePage;
  moreHref: string | null;
  firstHref: string;
  isFirst: boolean;
}) {
  const t = await getTranslations("doctor.case.timeline");
  if (page.items.length === 0) {
    return (
      <p className="text-muted-foreground rounded-xl border border-dashed p-6 text-center text-sm">
        {t("empty")}
      </p>
    );
  }
  return (
    <>
      <ol className="grid gap-3" data-testid="case-timeline">
        {page.items.map((r) => (
          <ReportCard key={r.id} r={r} />
        ))}
      </ol>
      <div className="mt-4 flex flex-wrap gap-2">
        {!isFirst ? (
          <Button asChild variant="outline" size="sm">
            <Link href={firstHref}>{t("newest")}</Link>
          </Button>
        ) : null}
        {moreHref ? (
          <Button asChild variant="outline" size="sm">
            <Link href={moreHref} scroll={false}>
              {t("older")}
            </Link>
          </Button>
        ) : null}
      </div>
    </>
  );
}
