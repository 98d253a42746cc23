import Link from "next/link";
import { ChevronRight, ClipboardList } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { ReviewStatus } from "@/components/report/review-status";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ReportListItem } from "@/lib/dal/report-history";

export async function RecentReports({ items }: { items: ReportListItem[] }) {
  const [t, tf, format] = await Promise.all([
    getTranslations("patientHome"),
    getTranslations("fields"),
    getFormatter(),
  ]);
  return (
    <Card data-testid="recent-reports">
      <CardHeader>
        <CardTitle>
          <h2>{t("recentTitle")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <EmptyState icon={<ClipboardList aria-hidden className="size-8" />} title={t("noReports")}>
            {t("noReportsHint")}
          </EmptyState>
        ) : (
          <ul className="divide-y">
            {items.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/patient/reports/${r.id}`}
                  className="hover:bg-accent/60 -mx-2 flex items-center gap-3 rounded-md px-2 py-3 outline-none focus-visible:ring-[3px]"
                >
                  <TriageBadge level={r.level} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">
                      {r.sites.map((s) => tf(`site.${s.site}`)).join(", ")}
                    </span>
                    <span className="text-muted-foreground block text-sm">
                      {format.dateTime(r.startedAt, { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                      {t("pain", { score: r.painScore })}
                      {r.ongoing ? ` · ${t("ongoing")}` : ""}
                    </span>
                    <ReviewStatus review={r.review} as="span" className="mt-0.5" />
                  </span>
                  <ChevronRight aria-hidden className="text-muted-foreground size-4 shrink-0" />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      {items.length > 0 ? (
        <CardFooter>
          <Button asChild variant="outline" size="sm">
            <Link href="/patient/reports">{t("seeAll")}</Link>
          </Button>
        </CardFooter>
      ) : null}
    </Card>
  );
}
