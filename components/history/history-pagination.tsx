import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import {
  Pagination,
  PaginationContent,
  PaginationEllipsis,
  PaginationItem,
  PaginationLink,
} from "@/components/ui/pagination";
import { historyHref } from "./history-href";

/** First, last, and the current page's neighbours; null marks a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const keep = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const pages = [...keep].sort((a, b) => a - b);
  return pages.flatMap((p, i) => (i > 0 && p - pages[i - 1] > 1 ? [null, p] : [p]));
}

export async function HistoryPagination({
  page,
  pageCount,
  level,
  site,
}: {
  page: number;
  pageCount: number;
  level?: string;
  site?: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("history.pagination");
  const href = (p: number) => historyHref({ page: p, level, site });
  return (
    <Pagination aria-label={t("label")} className="mt-6" data-testid="history-pagination">
      <PaginationContent>
        {page > 1 ? (
          <PaginationItem>
            {/* PaginationPrevious draws its own children, which asChild cannot take: same look, built here. */}
            <PaginationLink asChild size="default" className="gap-1 px-2.5">
              <Link href={href(page - 1)} rel="prev" aria-label={t("previousLabel")}>
                <ChevronLeft aria-hidden />
                <span className="hidden sm:block">{t("previous")}</span>
              </Link>
            </PaginationLink>
          </PaginationItem>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <PaginationItem key={`gap-${i}`}>
              <PaginationEllipsis srLabel={t("more")} />
            </PaginationItem>
          ) : (
            <PaginationItem key={p}>
              <PaginationLink asChild isActive={p === page} aria-label={t("pageLabel", { page: p })}>
                <Link href={href(p)}>{p}</Link>
              </PaginationLink>
            </PaginationItem>
          ),
        )}
        {page < pageCount ? (
          <PaginationItem>
            <PaginationLink asChild size="default" className="gap-1 px-2.5">
              <Link href={href(page + 1)} rel="next" aria-label={t("nextLabel")}>
                <span className="hidden sm:block">{t("next")}</span>
                <ChevronRight aria-hidden />
              </Link>
            </PaginationLink>
          </PaginationItem>
        ) : null}
      </PaginationContent>
    </Pagination>
  );
}
