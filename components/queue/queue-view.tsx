"use client";

import { Inbox, RefreshCw } from "lucide-react";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { EmptyState } from "@/components/common/empty-state";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QueuePage } from "@/lib/dto/queue";
import type { QueueQuery } from "@/lib/validations/queue";
import { ClaimButton } from "./claim-button";
import { QueueFilters } from "./queue-filters";
import { QueuePager } from "./queue-pager";
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
  const tr = useTranslations("triage.reason");
  const ts = useTranslations("fields.site");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
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
        <Card className="py-0">
          <Table data-testid="triage-queue">
            <caption className="sr-only">{t("count", { count: data.total })}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("patient")}</TableHead>
                <TableHead>{t("level")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("reasons")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("sites")}</TableHead>
                <TableHead className="hidden text-right sm:table-cell">{t("reports")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("waiting")}</TableHead>
                <TableHead>{t("assignment")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.rows.map((c) => (
                <TableRow key={c.patientId} data-testid="queue-row" data-level={c.level}>
                  <TableCell className="font-medium whitespace-normal">
                    <Link
                      href={`/doctor/patients/${c.patientId}`}
                      className="focus-visible:ring-ring/70 rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px]"
                    >
                      {c.patientName}
                    </Link>
                    <span className="text-muted-foreground block text-xs font-normal">
                      {c.age === null ? t("ageUnknown") : t("age", { age: c.age })}
                      <span className="sm:hidden">
                        {" "}
                        · {format.relativeTime(new Date(c.oldestUnreviewedAt), now)}
                      </span>
                    </span>
                  </TableCell>
                  <TableCell>
                    <TriageBadge level={c.level} />
                  </TableCell>
                  <TableCell className="text-muted-foreground hidden max-w-xs text-sm whitespace-normal lg:table-cell">
                    {c.reasons.map((r) => tr(r)).join(" · ") || t("noReason")}
                  </TableCell>
                  <TableCell className="text-muted-foreground hidden max-w-[12rem] text-sm whitespace-normal md:table-cell">
                    {c.sites.map((s) => ts(s)).join(", ")}
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">
                    {c.unreviewedCount}
                  </TableCell>
                  <TableCell className="hidden text-sm sm:table-cell">
                    <time
                      dateTime={c.oldestUnreviewedAt}
                      title={format.dateTime(new Date(c.oldestUnreviewedAt), {
                        dateStyle: "medium",
                        timeStyle: "short",
                      })}
                    >
                      {format.relativeTime(new Date(c.oldestUnreviewedAt), now)}
                    </time>
                  </TableCell>
                  <TableCell>
                    {c.assignment === "mine" ? (
                      <Badge variant="secondary">{t("mine")}</Badge>
                    ) : (
                      <ClaimButton patientId={c.patientId} patientName={c.patientName} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <QueuePager query={query} pageCount={pageCount} />
    </>
  );
}
