import { CalendarClock, Syringe } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CareInjection, OwnCare } from "@/lib/dal/care";
import { clinicToday } from "@/lib/validations/profile";
import { calendarDate } from "./care-format";
import { InjectionSites } from "./injection-sites";

const long = { dateStyle: "long" } as const;

async function NextInjection({ injection }: { injection: CareInjection }) {
  const [t, format] = await Promise.all([getTranslations("care.injections"), getFormatter()]);
  const overdue = injection.scheduledOn < clinicToday();
  return (
    <div
      className="border-primary/30 bg-primary/5 grid gap-3 rounded-lg border p-4"
      data-testid="next-injection"
    >
      <div className="flex items-start gap-3">
        <CalendarClock aria-hidden className="text-primary mt-0.5 size-5 shrink-0" />
        <div>
          <h3 className="text-sm font-semibold">{t("next")}</h3>
          <p className="text-lg font-semibold">
            {t("nextOn", {
              date: format.dateTime(calendarDate(injection.scheduledOn), { dateStyle: "full" }),
            })}
          </p>
          <p className="text-muted-foreground text-sm">
            {t("product")}: {injection.product}
            {injection.totalUnits ? ` · ${t("totalUnits", { units: injection.totalUnits })}` : null}
          </p>
          {injection.guidance ? (
            <p className="text-muted-foreground text-sm">
              {t("guidance")}: {t(`guidanceOptions.${injection.guidance}`)}
            </p>
          ) : null}
          {overdue ? <p className="text-soon mt-1 text-sm">{t("overdue")}</p> : null}
        </div>
      </div>
      <InjectionSites sites={injection.sites} />
    </div>
  );
}

export async function InjectionsCard({ injections }: { injections: OwnCare["injections"] }) {
  const [t, format] = await Promise.all([getTranslations("care.injections"), getFormatter()]);
  const date = (iso: string) => format.dateTime(calendarDate(iso), long);
  return (
    <Card data-testid="care-injections">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Syringe aria-hidden className="text-primary size-5" />
          <h2 className="text-lg">{t("title")}</h2>
        </CardTitle>
        <CardDescription>{t("hint")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {injections.next ? (
          <NextInjection injection={injections.next} />
        ) : (
          <p className="text-muted-foreground text-sm">{t("none")}</p>
        )}
        {injections.later.length ? (
          <section className="grid gap-1">
            <h3 className="text-sm font-semibold">{t("later")}</h3>
            <ul className="text-sm">
              {injections.later.map((i) => (
                <li key={i.id}>
                  {date(i.scheduledOn)} · {i.product}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="grid gap-3">
          <h3 className="text-sm font-semibold">{t("history")}</h3>
          {injections.given.length ? (
            <ol className="grid gap-4">
              {injections.given.map((i) => (
                <li key={i.id} className="grid gap-2 border-l-2 pl-4" data-testid="given-injection">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                    <p className="font-medium">
                      {t("givenOn", {
                        date: i.givenAt ? format.dateTime(i.givenAt, long) : date(i.scheduledOn),
                      })}
                    </p>
                    <p className="text-muted-foreground text-sm">
                      {i.product}
                      {i.totalUnits ? ` · ${t("totalUnits", { units: i.totalUnits })}` : null}
                    </p>
                  </div>
                  <InjectionSites sites={i.sites} />
                  {i.nextReviewOn ? (
                    <p className="text-muted-foreground text-sm">
                      {t("nextReview", { date: date(i.nextReviewOn) })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-muted-foreground text-sm">{t("noHistory")}</p>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
