import type { Metadata } from "next";
import Link from "next/link";
import { ChartNoAxesColumn, SearchX } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { ChartCard } from "@/components/trends/chart-card";
import type { ChartWeek } from "@/components/trends/chart-types";
import { EpisodesChart, PainChart } from "@/components/trends/lazy-charts";
import { SiteBreakdown } from "@/components/trends/site-breakdown";
import { TrendFilters } from "@/components/trends/trend-filters";
import { summariseWeeks, TrendStats } from "@/components/trends/trend-stats";
import { trendsHref } from "@/components/trends/trends-href";
import { Button } from "@/components/ui/button";
import { getOwnTrends } from "@/lib/dal/report-history";
import { requireRole } from "@/lib/dal/session";
import { parseTrendsParams, type SearchParams } from "@/lib/validations/history";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trends");
  return { title: t("title") };
}

export default async function TrendsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("patient");
  const { site, weeks } = parseTrendsParams(await searchParams);
  const [trends, t, format] = await Promise.all([
    getOwnTrends(actor, { site, weeks }),
    getTranslations("trends"),
    getFormatter(),
  ]);
  // Week starts are UTC dates: formatting them in UTC keeps every label on its Monday.
  const chartWeeks: ChartWeek[] = trends.weeks.map((w) => {
    const monday = new Date(`${w.weekStart}T00:00:00Z`);
    return {
      ...w,
      label: format.dateTime(monday, { day: "numeric", month: "short", timeZone: "UTC" }),
      longLabel: t("weekOf", { date: format.dateTime(monday, { dateStyle: "long", timeZone: "UTC" }) }),
    };
  });
  const summary = summariseWeeks(trends.weeks);
  const painCell = (v: number | null) => (v === null ? t("pain.noEpisode") : `${format.number(v)}/10`);

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <TrendFilters site={trends.site} weeks={weeks} />
      {trends.sites.length === 0 ? (
        <EmptyState icon={<ChartNoAxesColumn aria-hidden className="size-8" />} title={t("empty.title")}>
          <p>{t("empty.body")}</p>
          <ReportEpisodeLink className="mt-4">{t("empty.cta")}</ReportEpisodeLink>
        </EmptyState>
      ) : (
        <div className="grid gap-6">
          {trends.totalEpisodes === 0 ? (
            <EmptyState icon={<SearchX aria-hidden className="size-8" />} title={t("emptySite.title")}>
              <p>{t("emptySite.body")}</p>
              <Button asChild variant="outline" className="mt-4">
                <Link href={trendsHref({ weeks })}>{t("emptySite.clear")}</Link>
              </Button>
            </EmptyState>
          ) : (
            <>
              <TrendStats weeks={trends.weeks} period={weeks} />
              <div className="grid gap-6 xl:grid-cols-2">
                <ChartCard
                  id="episodes-chart"
                  testId="trend-chart"
                  title={t("episodes.title")}
                  description={t("episodes.description")}
                  summary={t("episodes.summary", {
                    total: summary.episodes,
                    weeks,
                    max: summary.busiestWeek,
                  })}
                  table={{
                    caption: t("episodes.caption", { weeks }),
                    columns: [t("week"), t("episodes.series")],
                    rows: chartWeeks.map((w) => ({
                      key: w.weekStart,
                      cells: [w.longLabel, String(w.episodes)],
                    })),
                  }}
                >
                  <EpisodesChart weeks={chartWeeks} seriesLabel={t("episodes.series")} />
                </ChartCard>
                <ChartCard
                  id="pain-chart"
                  testId="pain-chart"
                  title={t("pain.title")}
                  description={t("pain.description")}
                  table={{
                    caption: t("pain.caption", { weeks }),
                    columns: [t("week"), t("pain.average"), t("pain.highest")],
                    rows: chartWeeks.map((w) => ({
                      key: w.weekStart,
                      cells: [w.longLabel, painCell(w.avgPain), painCell(w.maxPain)],
                    })),
                  }}
                >
                  <PainChart
                    weeks={chartWeeks}
                    labels={{
                      average: t("pain.average"),
                      highest: t("pain.highest"),
                      noEpisode: t("pain.noEpisode"),
                    }}
                  />
                </ChartCard>
              </div>
            </>
          )}
          <SiteBreakdown trends={trends} weeks={weeks} />
          <p className="text-muted-foreground text-xs">{t("weekNote")}</p>
        </div>
      )}
    </>
  );
}
