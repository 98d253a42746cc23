"use client";

import { Inbox, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/common/empty-state";
import type { QueuePage } from "@/lib/dto/queue";
import type { QueueQuery } from "@/lib/validations/queue";
import { QueueFilters } from "./queue-filters";
import { QueuePager } from "./queue-pager";
import { QueueTable } from "./queue-table";
import { useQueue } from "./use-queue";

/** Announces (to screen readers) urgent cases that were not in the queue when the doctor last looked. */
function useUrgentAnnouncement(data: QueuePage): string {
  const t = useTranslations("doctor.queue");
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    const urgent = data.rows.filter((r) => r.level === "urgent");
    if (seen.current === null) {
      seen.current = new Set(urgent.map((r) => r.patientId));
      return;
    }
    const fresh = urgent.filter((r) => !seen.current!.has(r.patientId));
    for (const r of urgent) seen.current.add(r.patientId);
    if (fresh.length > 0) {
      setMessage(t("newUrgent", { count: fresh.length, names: fresh.map((r) => r.patientName).join(", ") }));
    }
  }, [data, t]);
  return message;
}

export function QueueView({ query, initial }: { query: QueueQuery; initial: QueuePage }) {
  const t = useTranslations("doctor.queue");
  const { data, isFetching, isError } = useQueue(query, initial);
  const announcement = useUrgentAnnouncement(data);
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize));

  return (
    <>
      <QueueFilters query={query} counts={data.counts} />
      <div role="status" aria-live="polite" className="sr-only" data-testid="queue-announcement">
        {announcement}
      </div>
      <div className="text-muted-foreground mb-2 flex min-h-6 items-center justify-between gap-2 text-sm">
        <span>{t("showing", { count: data.total, page: data.page, pages: pageCount })}</span>
        <span className="flex items-center gap-1" aria-hidden={!isError}>
          {isError ? (
            <span className="text-destructive">{t("refreshFailed")}</span>
          ) : isFetching ? (
            <>
              <RefreshCw aria-hidden className="size-3.5 animate-spin" />
              <span className="sr-only sm:not-sr-only">{t("refreshing")}</span>
            </>
          ) : null}
        </span>
      </div>
      {data.rows.length === 0 ? (
        <EmptyState
          icon={<Inbox aria-hidden className="size-8" />}
          title={data.total === 0 ? t("empty") : t("emptyPage")}
        />
      ) : (
        <QueueTable rows={data.rows} total={data.total} />
      )}
      <QueuePager query={query} pageCount={pageCount} />
    </>
  );
}
