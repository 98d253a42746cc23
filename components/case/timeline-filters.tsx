"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { UrlSelect } from "@/components/history/url-select";
import { BODY_SITES } from "@/lib/domain/report-fields";
import { TRIAGE_LEVELS } from "@/lib/domain/triage";

/** Level and site filters of the case timeline; they live in the URL (a new filter starts from the newest). */
export function TimelineFilters({ level, site }: { level?: string; site?: string }) {
  const t = useTranslations("doctor.case.timeline");
  const tl = useTranslations("triage.level");
  const ts = useTranslations("fields.site");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const go = (next: { level?: string; site?: string }) => {
    const params = new URLSearchParams();
    if (next.level && next.level !== "all") params.set("level", next.level);
    if (next.site && next.site !== "all") params.set("site", next.site);
    const qs = params.toString();
    start(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  };
  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row" aria-busy={pending}>
      <UrlSelect
        id="timeline-level"
        label={t("level")}
        value={level ?? "all"}
        options={[
          { value: "all", label: t("allLevels") },
          ...TRIAGE_LEVELS.map((l) => ({ value: l, label: tl(l) })),
        ]}
        onChange={(v) => go({ level: v, site })}
        testId="timeline-level"
      />
      <UrlSelect
        id="timeline-site"
        label={t("site")}
        value={site ?? "all"}
        options={[
          { value: "all", label: t("allSites") },
          ...BODY_SITES.map((s) => ({ value: s, label: ts(s) })),
        ]}
        onChange={(v) => go({ level, site: v })}
        testId="timeline-site"
      />
    </div>
  );
}
