import { AlertOctagon, CheckCircle2, Clock, Droplets, Moon, Phone, StretchHorizontal } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Button } from "@/components/ui/button";
import type { TriageLevel, TriageReason } from "@/lib/domain/triage";
import { cn } from "@/lib/utils";

const FRAME: Record<TriageLevel, string> = {
  urgent: "border-destructive bg-destructive/5 dark:bg-destructive/10",
  soon: "border-soon/60 bg-soon/5 dark:bg-soon/10",
  routine: "border-routine/50 bg-routine/5 dark:bg-routine/10",
};
const ICON = { urgent: AlertOctagon, soon: Clock, routine: CheckCircle2 } as const;
const ICON_COLOUR: Record<TriageLevel, string> = {
  urgent: "text-destructive",
  soon: "text-soon",
  routine: "text-routine",
};

/** What the triage level means for the patient, in plain words, with what to do now and why. */
export async function TriageAdvice({
  level,
  reasons,
}: {
  level: TriageLevel;
  reasons: readonly TriageReason[];
}) {
  const t = await getTranslations("report");
  const tr = await getTranslations("triage.patientReason");
  const Icon = ICON[level];
  return (
    <section
      data-testid="triage-advice"
      data-level={level}
      aria-labelledby="triage-advice-title"
      // Urgent advice is read out at once; a screen-reader user must not miss it.
      role={level === "urgent" ? "alert" : undefined}
      className={cn("grid gap-5 rounded-xl border-2 p-5 sm:p-6", FRAME[level])}
    >
      <div className="flex items-start gap-4">
        <Icon aria-hidden className={cn("mt-1 size-8 shrink-0", ICON_COLOUR[level])} />
        <div className="grid gap-2">
          <TriageBadge level={level} />
          <h2
            id="triage-advice-title"
            className={cn(
              "text-xl leading-tight font-semibold sm:text-2xl",
              level === "urgent" && "text-destructive",
            )}
          >
            {t(`advice.${level}.title`)}
          </h2>
          <p className="text-base">{t(`advice.${level}.body`)}</p>
        </div>
      </div>

      {level === "urgent" ? <UrgentSteps /> : null}
      {level === "soon" ? <p className="text-base font-medium">{t("advice.soon.worse")}</p> : null}
      {level === "routine" ? <RoutineSteps /> : null}

      <div className="border-t pt-4">
        <h3 className="text-sm font-semibold">{t("result.whyTitle")}</h3>
        {reasons.length > 0 ? (
          <ul className="mt-2 grid list-disc gap-1.5 pl-5 text-sm" data-testid="triage-reasons">
            {reasons.map((r) => (
              <li key={r} data-reason={r}>
                {tr(r)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground mt-2 text-sm">{t("result.noReasons")}</p>
        )}
      </div>
    </section>
  );
}

async function UrgentSteps() {
  const t = await getTranslations("report.advice.urgent");
  return (
    <div className="grid gap-4">
      <p className="text-base font-semibold" data-testid="seek-care-now">
        {t("emergency")}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button asChild variant="destructive" size="lg" className="h-12 text-base">
          <a href="tel:15">
            <Phone aria-hidden /> {t("call15")}
          </a>
        </Button>
        <Button
          asChild
          variant="outline"
          size="lg"
          className="border-destructive text-destructive h-12 text-base"
        >
          <a href="tel:112">
            <Phone aria-hidden /> {t("call112")}
          </a>
        </Button>
      </div>
      <p className="text-base">{t("otherwise")}</p>
    </div>
  );
}

async function RoutineSteps() {
  const t = await getTranslations("report.advice.routine");
  const steps = [
    { key: "stretch", Icon: StretchHorizontal },
    { key: "hydrate", Icon: Droplets },
    { key: "rest", Icon: Moon },
  ] as const;
  return (
    <div className="grid gap-3">
      <h3 className="text-base font-semibold">{t("selfCareTitle")}</h3>
      <ul className="grid gap-2 sm:grid-cols-3">
        {steps.map(({ key, Icon }) => (
          <li key={key} className="bg-background flex gap-3 rounded-lg border p-3 text-sm">
            <Icon aria-hidden className="text-routine mt-0.5 size-5 shrink-0" />
            {t(`selfCare.${key}`)}
          </li>
        ))}
      </ul>
      <p className="text-base font-medium">{t("reportAgain")}</p>
    </div>
  );
}
