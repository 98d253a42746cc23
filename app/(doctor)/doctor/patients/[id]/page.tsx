import { getFormatter, getTranslations } from "next-intl/server";
import { CaseTimeline } from "@/components/case/case-timeline";
import { TimelineFilters } from "@/components/case/timeline-filters";
import { ChartCard } from "@/components/trends/chart-card";
import type { ChartWeek } from "@/components/trends/chart-types";
import { EpisodesChart, PainChart } from "@/components/trends/lazy-charts";
import { getCaseHeader, getCaseTimeline, getCaseTrends } from "@/lib/dal/case";
import { requireRole } from "@/lib/dal/session";
import { parseTimelineQuery } from "@/lib/validations/case";

const TREND_WEEKS = 26;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("doctor.case");
  const actor = await requireRole("doctor");
  const header = await getCaseHeader(actor, (await params).id).catch(() => null);
  return { title: header ? header.name : t("title") };
}

/** Case overview: weekly charts and the timeline of every report. */
export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole("doctor");
  const { id } = await params;
  const query = parseTimelineQuery(await searchParams);
  const [timeline, trends, t, tt, format] = await Promise.all([
    getCaseTimeline(actor, id, { ...query, limit: 20 }),
    getCaseTrends(actor, id, TREND_WEEKS),
    getTranslations("doctor.case"),
    getTranslations("trends"),
    getFormatter(),
  ]);
  const weeks: ChartWeek[] = trends.map((w) => {
    const monday = new Date(`${w.weekStart}T00:00:00Z`);
    return {
      ...w,
      label: format.dateTime(monday, { day: "numeric", month: "short", timeZone: "UTC" }),
      longLabel: tt("weekOf", { date: format.dateTime(monday, { dateStyle: "long", timeZone: "UTC" }) }),
    };
  });
  const painCell = (v: number | null) => (v === null ? tt("pain.noEpisode") : `${format.number(v)}/10`);
  const base = `/doctor/patients/${id}`;
  const filterQs = new URLSearchParams();
  if (query.level) filterQs.set("level", query.level);
  if (query.site) filterQs.set("site", query.site);
  const firstHref = filterQs.size ? `${base}?${filterQs}` : base;
  const moreHref = timeline.nextCursor
    ? `${base}?${new URLSearchParams({ ...Object.fromEntries(filterQs), cursor: timeline.nextCursor })}`
    : null;

  return (
    <div className="grid gap-8">
      <section aria-labelledby="case-trends" className="grid gap-4">
        <h2 id="case-trends" className="text-lg font-semibold">
          {t("trendsTitle", { weeks: TREND_WEEKS })}
        </h2>
        <div className="grid gap-6 xl:grid-cols-2">
          <ChartCard
            id="case-episodes-chart"
            testId="case-episodes-chart"
            title={tt("episodes.title")}
            description={t("chart.episodes")}
            table={{
              caption: tt("episodes.caption", { weeks: TREND_WEEKS }),
              columns: [tt("week"), tt("episodes.series")],
              rows: weeks.map((w) => ({ key: w.weekStart, cells: [w.longLabel, String(w.episodes)] })),
            }}
          >
            <EpisodesChart weeks={weeks} seriesLabel={tt("episodes.series")} />
          </ChartCard>
          <ChartCard
            id="case-pain-chart"
            testId="case-pain-chart"
            title={tt("pain.title")}
            description={t("chart.pain")}
            table={{
              caption: tt("pain.caption", { weeks: TREND_WEEKS }),
              columns: [tt("week"), tt("pain.average"), tt("pain.highest")],
              rows: weeks.map((w) => ({
                key: w.weekStart,
                cells: [w.longLabel, painCell(w.avgPain), painCell(w.maxPain)],
              })),
            }}
          >
            <PainChart
              weeks={weeks}
              labels={{
                average: tt("pain.average"),
                highest: tt("pain.highest"),
                noEpisode: tt("pain.noEpisode"),
              }}
            />
          </ChartCard>
        </div>
      </section>
      <section aria-labelledby="case-timeline-title">
        <h2 id="case-timeline-title" className="mb-3 text-lg font-semibold">
          {t("timeline.title")}
        </h2>
        <TimelineFilters level={query.level} site={query.site} />
        <CaseTimeline page={timeline} moreHref={moreHref} firstHref={firstHref} isFirst={!query.cursor} />
      </section>
    </div>
  );
}
