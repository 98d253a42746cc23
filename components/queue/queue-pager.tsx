"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { QueueQuery } from "@/lib/validations/queue";
import { queueHref } from "./queue-href";

/** Previous / next through the pages the database serves. */
export function QueuePager({ query, pageCount }: { query: QueueQuery; pageCount: number }) {
  const t = useTranslations("doctor.queue");
  if (pageCount <= 1 && query.page <= 1) return null;
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-2">
      {query.page > 1 ? (
        <Button asChild variant="outline" size="sm">
          <Link href={queueHref({ ...query, page: query.page - 1 })} rel="prev">
            <ChevronLeft aria-hidden />
            {t("previous")}
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <span className="text-muted-foreground text-sm tabular-nums">
        {t("pageOf", { page: query.page, pages: pageCount })}
      </span>
      {query.page < pageCount ? (
        <Button asChild variant="outline" size="sm">
          <Link href={queueHref({ ...query, page: query.page + 1 })} rel="next">
            {t("next")}
            <ChevronRight aria-hidden />
          </Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}
