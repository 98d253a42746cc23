"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { TRIAGE_LEVELS } from "@/lib/domain/triage";
import { QUEUE_SCOPES, type QueueCounts } from "@/lib/dto/queue";
import type { QueueQuery } from "@/lib/validations/queue";
import { cn } from "@/lib/utils";
import { queueHref } from "./queue-href";

const LEVEL_STYLE = {
  urgent: "border-urgent/40 data-[active=true]:bg-urgent/10",
  soon: "border-soon/40 data-[active=true]:bg-soon/10",
  routine: "border-routine/40 data-[active=true]:bg-routine/10",
} as const;

/** Scope (mine / unassigned / all) and level filters: plain links, so they live in the URL. */
export function QueueFilters({ query, counts }: { query: QueueQuery; counts: QueueCounts }) {
  const t = useTranslations("doctor.queue");
  const tl = useTranslations("triage.level");
  const total = counts.urgent + counts.soon + counts.routine;
  return (
    <div className="mb-4 flex flex-col gap-4">
      <nav aria-label={t("scopeLabel")} className="bg-muted inline-flex w-fit rounded-lg p-1">
        {QUEUE_SCOPES.map((scope) => (
          <Link
            key={scope}
            href={queueHref({ ...query, scope, page: 1 })}
            aria-current={query.scope === scope ? "page" : undefined}
            className={cn(
              "text-muted-foreground focus-visible:ring-ring/70 rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-[3px]",
              query.scope === scope && "bg-background text-foreground shadow-sm",
            )}
          >
            {t(`scope.${scope}`)}
          </Link>
        ))}
      </nav>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t("countsLabel")}>
        <li>
          <Link
            href={queueHref({ ...query, level: undefined, page: 1 })}
            data-active={!query.level}
            aria-current={!query.level ? "true" : undefined}
            className="hover:bg-accent focus-visible:ring-ring/70 data-[active=true]:bg-accent flex flex-col rounded-lg border p-3 outline-none focus-visible:ring-[3px]"
          >
            <span className="text-muted-foreground text-sm">{t("allLevels")}</span>
            <span className="text-2xl font-semibold tabular-nums" data-testid="count-all">
              {total}
            </span>
          </Link>
        </li>
        {TRIAGE_LEVELS.map((level) => (
          <li key={level}>
            <Link
              href={queueHref({ ...query, level, page: 1 })}
              data-active={query.level === level}
              aria-current={query.level === level ? "true" : undefined}
              className={cn(
                "hover:bg-accent focus-visible:ring-ring/70 flex flex-col rounded-lg border p-3 outline-none focus-visible:ring-[3px]",
                LEVEL_STYLE[level],
              )}
            >
              <span className="text-muted-foreground text-sm">{tl(level)}</span>
              <span className="text-2xl font-semibold tabular-nums" data-testid={`count-${level}`}>
                {counts[level]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
