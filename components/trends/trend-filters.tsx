"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { UrlSelect } from "@/components/history/url-select";
import { BODY_SITES, type BodySite } from "@/lib/domain/report-fields";
import { TREND_RANGES } from "@/lib/validations/history-limits";
import { trendsHref } from "./trends-href";
import { ALL } from "@/components/history/history-href";

/** Body site and period; a change navigates, so the server recomputes the trends. */
export function TrendFilters({ site, weeks }: { site: BodySite | null; weeks: number }) {
  const t = useTranslations("trends.filters");
  const tSite = useTranslations("fields.site");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (next: { site?: string; weeks?: number }) =>
    startTransition(() => router.push(trendsHref({ site, weeks, ...next }), { scroll: false }));
  // A period typed into the URL (say 8 weeks) is offered too, so the select shows what the charts show.
  const ranges = [...new Set<number>([...TREND_RANGES, weeks])].sort((a, b) => a - b);

  return (
    <section
      aria-label={t("label")}
      aria-busy={pending || undefined}
      className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end"
      data-testid="trend-filters"
    >
      <UrlSelect
        id="trend-site"
        label={t("site")}
        value={site ?? ALL}
        onChange={(v) => go({ site: v })}
        testId="trend-site"
        options={[
          { value: ALL, label: t("allSites") },
          ...BODY_SITES.map((s) => ({ value: s, label: tSite(s) })),
        ]}
      />
      <UrlSelect
        id="trend-range"
        label={t("range")}
        value={String(weeks)}
        onChange={(v) => go({ weeks: Number(v) })}
        testId="trend-range"
        options={ranges.map((w) => ({ value: String(w), label: t("weeks", { weeks: w }) }))}
      />
      <p role="status" className="sr-only">
        {pending ? t("updating") : ""}
      </p>
    </section>
  );
}
