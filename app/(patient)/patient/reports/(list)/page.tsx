import type { Metadata } from "next";
import Link from "next/link";
import { Download, FileText, SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { HistoryFilters } from "@/components/history/history-filters";
import { HISTORY_PATH } from "@/components/history/history-href";
import { HistoryPagination } from "@/components/history/history-pagination";
import { ReportList } from "@/components/history/report-list";
import { Button } from "@/components/ui/button";
import { listOwnReports } from "@/lib/dal/report-history";
import { requireRole } from "@/lib/dal/session";
import { parseHistoryParams, type SearchParams } from "@/lib/validations/history";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function ReportHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole("patient");
  const { page, level, site } = parseHistoryParams(await searchParams);
  const [list, t] = await Promise.all([
    listOwnReports(actor, { page, level, site }),
    getTranslations("history"),
  ]);
  const filtered = Boolean(level || site);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          // With no report yet, the empty state below carries the same call to action.
          list.total === 0 && !filtered ? null : <ReportEpisodeLink>{t("newReport")}</ReportEpisodeLink>
        }
      />
      {list.total === 0 && !filtered ? (
        <EmptyState icon={<FileText aria-hidden className="size-8" />} title={t("empty.title")}>
          <p>{t("empty.body")}</p>
          <ReportEpisodeLink className="mt-4">{t("empty.cta")}</ReportEpisodeLink>
        </EmptyState>
      ) : (
        <>
          <HistoryFilters level={level} site={site} />
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <p className="text-muted-foreground text-sm" data-testid="report-count">
              {filtered ? t("filteredCount", { total: list.total }) : t("count", { total: list.total })}
            </p>
            <Button asChild variant="outline" size="sm">
              {/* A plain <a>: the browser downloads the file instead of the router navigating. */}
              <a href="/api/patient/reports/export" download data-testid="export-csv">
                <Download aria-hidden /> {t("download")}
              </a>
            </Button>
          </div>
          {list.total === 0 ? (
            <EmptyState icon={<SearchX aria-hidden className="size-8" />} title={t("noMatch.title")}>
              <p>{t("noMatch.body")}</p>
              <Button asChild variant="outline" className="mt-4">
                <Link href={HISTORY_PATH}>{t("noMatch.clear")}</Link>
              </Button>
            </EmptyState>
          ) : (
            <>
              <ReportList items={list.items} />
              <HistoryPagination page={list.page} pageCount={list.pageCount} level={level} site={site} />
            </>
          )}
        </>
      )}
    </>
  );
}
