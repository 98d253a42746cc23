"use client";

import { useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { BODY_SITES, type BodySite } from "@/lib/domain/report-fields";
import { TRIAGE_LEVELS, type TriageLevel } from "@/lib/domain/triage";
import { ALL, HISTORY_PATH, historyHref } from "./history-href";
import { UrlSelect } from "./url-select";

/** Level and body-site filters; a change navigates (back to page 1), so the server renders the list. */
export function HistoryFilters({ level, site }: { level?: TriageLevel; site?: BodySite }) {
  const t = useTranslations("history.filters");
  const tLevel = useTranslations("triage.level");
  const tSite = useTranslations("fields.site");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (next: { level?: string; site?: string }) =>
    startTransition(() => router.push(historyHref({ level, site, ...next }), { scroll: false }));

  return (
    <section
      aria-label={t("label")}
      aria-busy={pending || undefined}
      className="mb-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
      data-testid="history-filters"
    >
      <UrlSelect
        id="filter-level"
        label={t("level")}
        value={level ?? ALL}
        onChange={(v) => go({ level: v })}
        testId="filter-level"
        options={[
          { value: ALL, label: t("allLevels") },
          ...TRIAGE_LEVELS.map((l) => ({ value: l, label: tLevel(l) })),
        ]}
      />
      <UrlSelect
        id="filter-site"
        label={t("site")}
        value={site ?? ALL}
        onChange={(v) => go({ site: v })}
        testId="filter-site"
        options={[
          { value: ALL, label: t("allSites") },
          ...BODY_SITES.map((s) => ({ value: s, label: tSite(s) })),
        ]}
      />
      {level || site ? (
        <Button asChild variant="ghost" className="self-start sm:self-auto">
          <Link href={HISTORY_PATH} scroll={false}>
            <X aria-hidden /> {t("clear")}
          </Link>
        </Button>
      ) : null}
      <p role="status" className="sr-only">
        {pending ? t("updating") : ""}
      </p>
    </section>
  );
}
