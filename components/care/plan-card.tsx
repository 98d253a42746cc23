import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CarePlan, CarePlanItem } from "@/lib/dal/care";
import { calendarDate, PLAN_ITEM_ICONS } from "./care-format";

async function PlanItemRow({ item }: { item: CarePlanItem }) {
  const [t, format] = await Promise.all([getTranslations("care"), getFormatter()]);
  const Icon = PLAN_ITEM_ICONS[item.kind];
  const day = (iso: string) => format.dateTime(calendarDate(iso), { dateStyle: "long" });
  const from = item.startOn ? t("plan.from", { date: day(item.startOn) }) : null;
  const until = item.stopOn ? t("plan.until", { date: day(item.stopOn) }) : null;
  const period = from && until ? t("plan.fromUntil", { from, until }) : (from ?? until);
  const medication = [
    [t("plan.medication"), item.medicationName],
    [t("plan.dose"), item.dose],
    [t("plan.route"), item.route ? t(`routes.${item.route}`) : null],
    [t("plan.schedule"), item.schedule],
    [t("plan.period"), period],
  ].filter((pair): pair is [string, string] => !!pair[1]);
  const cause = item.cause
    ? item.cause.cause === "other" && item.cause.label
      ? item.cause.label
      : t(`causes.${item.cause.cause}`)
    : null;
  return (
    <li className="flex gap-4 py-4 first:pt-0 last:pb-0" data-testid="plan-item" data-kind={item.kind}>
      <span className="bg-primary/10 text-primary grid size-10 shrink-0 place-items-center rounded-full">
        <Icon aria-hidden className="size-5" />
      </span>
      <div className="grid min-w-0 gap-1.5">
        <h4 className="font-medium">{t(`kinds.${item.kind}`)}</h4>
        {cause && item.kind === "treat_underlying_cause" ? (
          <p className="text-muted-foreground text-sm">{t("plan.treats", { cause })}</p>
        ) : null}
        {item.instructions ? <p className="text-sm whitespace-pre-line">{item.instructions}</p> : null}
        {medication.length ? (
          <dl className="bg-muted/60 grid gap-x-6 gap-y-1 rounded-lg px-3 py-2 text-sm sm:grid-cols-3">
            {medication.map(([label, value]) => (
              <div key={label}>
                <dt className="text-muted-foreground text-xs">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {item.followUpOn ? (
          <p className="text-muted-foreground text-sm">
            {t("plan.followUpOn", {
              date: format.dateTime(calendarDate(item.followUpOn), { dateStyle: "full" }),
            })}
          </p>
        ) : null}
      </div>
    </li>
  );
}

export async function PlanCard({ plan }: { plan: CarePlan }) {
  const [t, format] = await Promise.all([getTranslations("care"), getFormatter()]);
  return (
    <Card data-testid="care-plan">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle>
            <h2 id="care-plan-title" className="text-lg">
              {t("plan.title")}
            </h2>
          </CardTitle>
          <Badge variant="secondary">{t("plan.version", { version: plan.version })}</Badge>
        </div>
        {plan.publishedAt ? (
          <CardDescription>
            {t("plan.published", {
              date: format.dateTime(plan.publishedAt, { dateStyle: "long" }),
              author: plan.authorName,
            })}
          </CardDescription>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-6">
        {plan.summary ? (
          <section
            aria-labelledby="care-plan-summary"
            className="border-primary bg-primary/5 rounded-r-lg border-l-4 px-4 py-3"
          >
            <h3 id="care-plan-summary" className="text-primary text-sm font-semibold">
              {t("plan.summary")}
            </h3>
            <p className="mt-1 whitespace-pre-line">{plan.summary}</p>
          </section>
        ) : null}
        <section aria-labelledby="care-plan-items">
          <h3 id="care-plan-items" className="mb-3 text-sm font-semibold">
            {t("plan.items")}
          </h3>
          {plan.items.length ? (
            <ol className="divide-y">
              {plan.items.map((item) => (
                <PlanItemRow key={item.id} item={item} />
              ))}
            </ol>
          ) : (
            <p className="text-muted-foreground text-sm">{t("plan.noItems")}</p>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
