import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/**
 * Previous / next links that keep the filters (href builds the URL for a page). With a capped count, `hasNext`
 * decides the next link and the page count is told as a lower bound ("Page 3 of more than 200").
 */
export async function AdminPagination({
  page,
  pageCount,
  href,
  hasNext,
  pageCountIsLowerBound = false,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  hasNext?: boolean;
  pageCountIsLowerBound?: boolean;
}) {
  const next = hasNext ?? page < pageCount;
  if (pageCount <= 1 && page <= 1 && !next) return null;
  const t = await getTranslations("admin.pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center justify-between gap-3">
      {page > 1 ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page - 1)} rel="prev">
            <ChevronLeft aria-hidden /> {t("previous")}
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <p className="text-muted-foreground text-sm">
        {t(pageCountIsLowerBound && next ? "pageOfMore" : "page", { page, pages: pageCount })}
      </p>
      {next ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page + 1)} rel="next">
            {t("next")} <ChevronRight aria-hidden />
          </Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}
