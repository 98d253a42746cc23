import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OwnTrends } from "@/lib/dal/report-history";
import { cn } from "@/lib/utils";
import { trendsHref } from "./trends-href";

/** Episodes per body site as a list with proportional bars: readable as text, no chart to describe. */
export async function SiteBreakdown({ trends, weeks }: { trends: OwnTrends; weeks: number }) {
  const [t, tSite] = await Promise.all([getTranslations("trends.sites"), getTranslations("fields.site")]);
  const max = Math.max(1, ...trends.sites.map((s) => s.episodes));
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          <h2 className="text-base">{t("title")}</h2>
        </CardTitle>
        <CardDescription>{t("description", { weeks })}</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3" data-testid="site-breakdown">
          {trends.sites.map(({ site, episodes }) => {
            const selected = trends.site === site;
            return (
              <li key={site} className="grid gap-1.5 sm:grid-cols-[12rem_1fr_7rem] sm:items-center sm:gap-4">
                <span className="flex items-center gap-2">
                  <Link
                    href={trendsHref({ site, weeks })}
                    scroll={false}
                    aria-current={selected ? "true" : undefined}
                    className="rounded-sm font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/70"
                  >
                    {tSite(site)}
                    <span className="sr-only"> — {t("show")}</span>
                  </Link>
                  {selected ? <Badge variant="secondary">{t("selected")}</Badge> : null}
                </span>
                <span aria-hidden className="bg-muted h-2.5 overflow-hidden rounded-full">
                  <span
                    className={cn("block h-full rounded-full", selected ? "bg-primary" : "bg-chart-2")}
                    style={{ width: `${(episodes / max) * 100}%` }}
                  />
                </span>
                <span className="text-muted-foreground text-sm tabular-nums sm:text-right">
                  {t("count", { count: episodes })}
                </span>
              </li>
            );
          })}
        </ul>
      </CardContent>
    </Card>
  );
}
