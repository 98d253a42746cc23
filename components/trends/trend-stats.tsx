import { getFormatter, getTranslations } from "next-intl/server";
import { PainMeter } from "@/components/history/pain-meter";
import { Card } from "@/components/ui/card";
import type { TrendWeek } from "@/lib/dal/report-history";

/** Totals over the period: episodes, pain averaged over every episode (not over weeks), highest pain. */
export function summariseWeeks(weeks: TrendWeek[]) {
  const episodes = weeks.reduce((n, w) => n + w.episodes, 0);
  const painSum = weeks.reduce((n, w) => n + (w.avgPain ?? 0) * w.episodes, 0);
  const highest = weeks.reduce<number | null>(
    (m, w) => (w.maxPain === null ? m : Math.max(m ?? 0, w.maxPain)),
    null,
  );
  return {
    episodes,
    averagePain: episodes ? Math.round((painSum / episodes) * 10) / 10 : null,
    highestPain: highest,
    busiestWeek: Math.max(0, ...weeks.map((w) => w.episodes)),
  };
}

export async function TrendStats({ weeks, period }: { weeks: TrendWeek[]; period: number }) {
  const [t, format] = await Promise.all([getTranslations("trends.stats"), getFormatter()]);
  const s = summariseWeeks(weeks);
  const pain = (v: number | null) => (v === null ? t("none") : t("painValue", { score: format.number(v) }));
  const tiles = [
    {
      key: "episodes",
      label: t("episodes"),
      value: String(s.episodes),
      hint: t("episodesHint", { weeks: period }),
    },
    {
      key: "average",
      label: t("averagePain"),
      value: pain(s.averagePain),
      hint: t("painHint"),
      meter: s.averagePain,
    },
    {
      key: "highest",
      label: t("highestPain"),
      value: pain(s.highestPain),
      hint: t("painHint"),
      meter: s.highestPain,
    },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3" data-testid="trend-stats">
      {tiles.map((tile) => (
        <Card key={tile.key} className="gap-1 px-5 py-4">
          <dt className="text-muted-foreground text-sm font-medium">{tile.label}</dt>
          <dd className="flex items-center gap-3">
            <span className="text-2xl font-semibold tabular-nums">{tile.value}</span>
            {tile.meter != null ? <PainMeter score={Math.round(tile.meter)} /> : null}
          </dd>
          <dd className="text-muted-foreground text-xs">{tile.hint}</dd>
        </Card>
      ))}
    </dl>
  );
}
