"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { SuspectedCauseRef } from "@/lib/dto/causes";
import type { PlanDetail, PlanItemView } from "@/lib/dto/plans";
import { useCauseLabel } from "./cause-label";
import { day } from "./day";
import { InjectionRecord } from "./injection-record";
import { ReferralRecord } from "./referral-record";

type ViewProps = {
  plan: PlanDetail;
  causes: SuspectedCauseRef[];
  patientId: string;
  /** Show the record actions (mark given, move a referral): only on the published plan. */
  editable?: boolean;
  titleId?: string;
};

function Details({ rows }: { rows: [string, string | null][] }) {
  const shown = rows.filter((r): r is [string, string] => !!r[1]);
  if (!shown.length) return null;
  return (
    <dl className="bg-muted/60 grid gap-x-6 gap-y-1 rounded-lg px-3 py-2 text-sm sm:grid-cols-2">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt className="text-muted-foreground text-xs">{label}</dt>
          <dd className="font-medium break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ItemBody({ item, causes, patientId, editable }: { item: PlanItemView } & Omit<ViewProps, "plan">) {
  const t = useTranslations("plan.fields");
  const tRoute = useTranslations("plan.routes");
  const format = useFormatter();
  const causeLabel = useCauseLabel();
  const cause = causes.find((c) => c.id === item.suspectedCauseId);
  const date = (iso: string | null) => (iso ? format.dateTime(day(iso), { dateStyle: "long" }) : null);
  return (
    <div className="grid gap-2">
      {item.kind === "medication" ? (
        <Details
          rows={[
            [t("medicationName"), item.medicationName],
            [t("dose"), item.dose],
            [t("route"), item.route ? tRoute(item.route) : null],
            [t("schedule"), item.schedule],
            [t("startOn"), date(item.startOn)],
            [t("stopOn"), date(item.stopOn)],
          ]}
        />
      ) : null}
      {item.kind === "treat_underlying_cause" ? (
        <Details rows={[[t("cause"), cause ? causeLabel(cause, cause.status) : null]]} />
      ) : null}
      {item.kind === "follow_up" ? <Details rows={[[t("followUpOn"), date(item.followUpOn)]]} /> : null}
      {item.injection ? (
        <InjectionRecord injection={item.injection} patientId={patientId} editable={editable} />
      ) : null}
      {item.referral ? (
        <ReferralRecord referral={item.referral} causes={causes} patientId={patientId} editable={editable} />
      ) : null}
      {item.instructions ? <p className="text-sm whitespace-pre-line">{item.instructions}</p> : null}
    </div>
  );
}

/** A plan version, read-only: what the patient reads, the items, and the doctor-only notes set apart. */
export function PlanView({ plan, causes, patientId, editable, titleId = "plan-view-title" }: ViewProps) {
  const t = useTranslations("plan.view");
  const tk = useTranslations("plan.kinds");
  const ts = useTranslations("plan.statuses");
  const format = useFormatter();
  return (
    <Card data-testid={`plan-view-${plan.status}`} aria-labelledby={titleId}>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle>
            <h2 id={titleId} className="text-lg">
              {t("title", { version: plan.version })}
            </h2>
          </CardTitle>
          <Badge variant={plan.status === "published" ? "default" : "secondary"}>{ts(plan.status)}</Badge>
        </div>
        <CardDescription>
          {plan.publishedAt
            ? t("publishedBy", {
                date: format.dateTime(new Date(plan.publishedAt), { dateStyle: "long", timeStyle: "short" }),
                author: plan.authorName,
              })
            : t("draftBy", { author: plan.authorName })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <section
          className="border-primary bg-primary/5 rounded-r-lg border-l-4 px-4 py-3"
          aria-labelledby={`${titleId}-summary`}
        >
          <h3 id={`${titleId}-summary`} className="text-primary text-sm font-semibold">
            {t("summary")}
          </h3>
          <p className="mt-1 whitespace-pre-line" data-testid="plan-summary">
            {plan.summary || t("noSummary")}
          </p>
        </section>
        {plan.items.length ? (
          <ol className="divide-y">
            {plan.items.map((item, i) => (
              <li
                key={item.id}
                className="grid gap-2 py-4 first:pt-0 last:pb-0"
                data-testid="plan-item"
                data-kind={item.kind}
              >
                <h3 className="font-medium">
                  {i + 1}. {tk(item.kind)}
                </h3>
                <ItemBody item={item} causes={causes} patientId={patientId} editable={editable} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-muted-foreground text-sm">{t("noItems")}</p>
        )}
        {plan.internalNotes ? (
          <section
            className="rounded-lg border border-dashed px-4 py-3"
            aria-labelledby={`${titleId}-internal`}
          >
            <h3 id={`${titleId}-internal`} className="text-sm font-semibold">
              {t("internalNotes")}
            </h3>
            <p className="text-muted-foreground mt-1 text-sm whitespace-pre-line">{plan.internalNotes}</p>
          </section>
        ) : null}
      </CardContent>
    </Card>
  );
}
