import { Brain } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CareReferral } from "@/lib/dal/care";
import { ReferralStepper } from "./referral-stepper";

export async function ReferralsCard({ referrals }: { referrals: CareReferral[] }) {
  const [t, tc, format] = await Promise.all([
    getTranslations("care.referrals"),
    getTranslations("care.causes"),
    getFormatter(),
  ]);
  const long = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <Card data-testid="care-referrals">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Brain aria-hidden className="text-primary size-5" />
          <h2 className="text-lg">{t("title")}</h2>
        </CardTitle>
        <CardDescription>{t("hint")}</CardDescription>
      </CardHeader>
      <CardContent>
        {referrals.length ? (
          <ul className="grid gap-4">
            {referrals.map((r) => (
              <li key={r.id} className="grid gap-4 rounded-lg border p-4" data-testid="referral">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="grid gap-0.5">
                    <p className="font-medium">{r.reason}</p>
                    {r.cause ? (
                      <p className="text-muted-foreground text-sm" data-testid="referral-cause">
                        {t("because", {
                          cause:
                            r.cause.cause === "other" && r.cause.label ? r.cause.label : tc(r.cause.cause),
                        })}
                      </p>
                    ) : null}
                    <p className="text-muted-foreground text-sm">
                      {t("requestedOn", { date: long(r.requestedAt ?? r.createdAt) })}
                    </p>
                    {r.sentAt ? (
                      <p className="text-muted-foreground text-sm">{t("sentOn", { date: long(r.sentAt) })}</p>
                    ) : null}
                    {r.seenAt ? (
                      <p className="text-muted-foreground text-sm">{t("seenOn", { date: long(r.seenAt) })}</p>
                    ) : null}
                    {r.declinedAt ? (
                      <p className="text-muted-foreground text-sm">
                        {t("declinedOn", { date: long(r.declinedAt) })}
                      </p>
                    ) : null}
                  </div>
                  <Badge variant={r.urgency}>{t(`urgency.${r.urgency}`)}</Badge>
                </div>
                <ReferralStepper status={r.status} />
                {r.status === "scheduled" && r.scheduledFor ? (
                  <p className="bg-muted/60 rounded-md px-3 py-2 text-sm font-medium">
                    {t("appointment", {
                      date: format.dateTime(r.scheduledFor, { dateStyle: "full", timeStyle: "short" }),
                    })}
                  </p>
                ) : null}
                {r.status === "declined" ? (
                  <p className="text-muted-foreground text-sm">{t("declinedHint")}</p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground text-sm">{t("none")}</p>
        )}
      </CardContent>
    </Card>
  );
}
