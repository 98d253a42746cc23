import { ClipboardList } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { PLAN_ITEM_ICONS } from "./care-format";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";

const PREVIEW = Object.keys(PLAN_ITEM_ICONS) as (keyof typeof PLAN_ITEM_ICONS)[];

/** Nothing published yet: say what will appear here, when, and what to do meanwhile. */
export async function CareEmpty() {
  const t = await getTranslations("care");
  return (
    <div className="grid gap-6">
      <EmptyState icon={<ClipboardList aria-hidden className="size-10" />} title={t("empty.title")}>
        <p>{t("empty.body")}</p>
        <p className="mt-2">{t("empty.hint")}</p>
        <ReportEpisodeLink className="mt-5">{t("empty.cta")}</ReportEpisodeLink>
      </EmptyState>
      <section aria-labelledby="care-preview" className="grid gap-3">
        <h2 id="care-preview" className="text-muted-foreground text-sm font-semibold">
          {t("empty.preview")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {PREVIEW.map((kind) => {
            const Icon = PLAN_ITEM_ICONS[kind];
            return (
              <li key={kind} className="bg-card flex gap-3 rounded-lg border p-3">
                <span className="bg-muted text-muted-foreground grid size-8 shrink-0 place-items-center rounded-full">
                  <Icon aria-hidden className="size-4" />
                </span>
                <div className="grid gap-0.5">
                  <p className="text-sm font-medium">{t(`kinds.${kind}`)}</p>
                  <p className="text-muted-foreground text-xs leading-snug">{t(`kindHints.${kind}`)}</p>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
