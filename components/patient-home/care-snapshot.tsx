import Link from "next/link";
import { CalendarClock, FileHeart, Route } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { OwnCare } from "@/lib/dal/care";

export async function CareSnapshot({ care }: { care: OwnCare }) {
  const [t, format] = await Promise.all([getTranslations("patientHome"), getFormatter()]);
  const openReferrals = care.referrals.filter((r) => r.status !== "seen" && r.status !== "declined").length;
  const next = care.injections.next;
  return (
    <Card data-testid="care-snapshot">
      <CardHeader>
        <CardTitle>
          <h2>{t("careTitle")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p className="flex items-start gap-2">
          <FileHeart aria-hidden className="text-primary mt-0.5 size-4 shrink-0" />
          {care.plan?.publishedAt
            ? t("carePlan", { date: format.dateTime(care.plan.publishedAt, { dateStyle: "long" }) })
            : t("careNoPlan")}
        </p>
        {next ? (
          <p className="flex items-start gap-2">
            <CalendarClock aria-hidden className="text-primary mt-0.5 size-4 shrink-0" />
            {t("careNextInjection", {
              date: format.dateTime(new Date(`${next.scheduledOn}T12:00:00Z`), { dateStyle: "long" }),
            })}
          </p>
        ) : null}
        {openReferrals > 0 ? (
          <p className="flex items-start gap-2">
            <Route aria-hidden className="text-primary mt-0.5 size-4 shrink-0" />
            {t("careReferrals", { count: openReferrals })}
          </p>
        ) : null}
      </CardContent>
      <CardFooter>
        <Button asChild variant="outline" size="sm">
          <Link href="/patient/care">{t("openCare")}</Link>
        </Button>
      </CardFooter>
    </Card>
  );
}
