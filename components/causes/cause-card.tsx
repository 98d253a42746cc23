import { AlertTriangle, Brain } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CauseSuggestionView, RecordedCauseDetail } from "@/lib/dto/causes";
import { CauseDecisionForm } from "./cause-decision-form";

/** One cause: why it is suggested (facts, work-up, hints), what doctors decided, its history, and the decision form. */
export async function CauseCard({
  patientId,
  suggestion,
  recorded,
}: {
  patientId: string;
  suggestion: CauseSuggestionView | null;
  recorded: RecordedCauseDetail | null;
}) {
  const t = await getTranslations("causes");
  const tWorkUp = await getTranslations("evaluation.workUp.test");
  const tCondition = await getTranslations("fields.condition");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const cause = suggestion?.cause ?? recorded!.cause;
  const title = cause === "other" && recorded?.label ? recorded.label : t(`cause.${cause}`);
  const key = recorded?.id ?? cause;
  return (
    <Card data-testid="cause-card" data-cause={cause} aria-labelledby={`cause-${key}-title`} role="region">
      <CardHeader className="gap-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>
            <h3 id={`cause-${key}-title`} className="text-base">
              {title}
            </h3>
          </CardTitle>
          <Badge variant={recorded ? "default" : "outline"} data-testid="cause-status">
            {recorded ? t(`status.${recorded.status}`) : t("status.none")}
          </Badge>
        </div>
        {suggestion?.suggestUrgentReview || suggestion?.suggestNeurologyReferral ? (
          <ul className="grid gap-1 text-sm font-medium">
            {suggestion.suggestUrgentReview ? (
              <li className="text-destructive flex items-center gap-2">
                <AlertTriangle aria-hidden className="size-4 shrink-0" /> {t("hint.urgent")}
                {suggestion.seriousConditions.length > 0
                  ? ` ${t("hint.serious", { names: suggestion.seriousConditions.map((c) => tCondition(c)).join(", ") })}`
                  : null}
              </li>
            ) : null}
            {suggestion.suggestNeurologyReferral ? (
              <li className="flex items-center gap-2">
                <Brain aria-hidden className="size-4 shrink-0" /> {t("hint.neurology")}
              </li>
            ) : null}
          </ul>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {suggestion ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <h4 className="text-sm font-medium">{t("factsTitle")}</h4>
              <ul className="mt-1 list-disc pl-5 text-sm" data-testid="cause-facts">
                {suggestion.facts.map((f) => (
                  <li key={f}>{t(`fact.${f}`)}</li>
                ))}
              </ul>
              <p className="text-muted-foreground mt-1 text-xs">
                {t("reportCount", { count: suggestion.reportCount })}
              </p>
            </div>
            {suggestion.workUp.length > 0 ? (
              <div>
                <h4 className="text-sm font-medium">{t("workUpTitle")}</h4>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {suggestion.workUp.map((w) => (
                    <li key={w}>{tWorkUp(w)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
        {recorded ? (
          <div className="grid gap-1 text-sm">
            <p>
              {t("current", {
                status: t(`status.${recorded.status}`),
                name: recorded.updatedByName ?? "—",
                date: when(recorded.updatedAt),
              })}
            </p>
            {recorded.note ? <p className="whitespace-pre-wrap">{recorded.note}</p> : null}
            {recorded.history.length > 0 ? (
              <details data-testid="cause-history">
                <summary className="text-primary cursor-pointer">
                  {t("history", { count: recorded.history.length })}
                </summary>
                <ol className="mt-2 grid gap-2 border-l pl-4">
                  {recorded.history.map((h, i) => (
                    <li key={i}>
                      <p>
                        {t("historyEntry", {
                          status: t(`status.${h.status}`),
                          name: h.actorName,
                          date: when(h.at),
                        })}
                      </p>
                      {h.note ? <p className="text-muted-foreground whitespace-pre-wrap">{h.note}</p> : null}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </div>
        ) : null}
        <CauseDecisionForm
          idPrefix={`cause-${key}`}
          patientId={patientId}
          causeId={recorded?.id ?? null}
          cause={cause}
          current={recorded?.status ?? null}
        />
      </CardContent>
    </Card>
  );
}
