import {
  AlertOctagon,
  CheckCircle2,
  Clock,
  Droplets,
  Moon,
  Phone,
  Stethoscope,
  StretchHorizontal,
} from "lucide-react";
import { getTranslations } from "next-intl/server";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Button } from "@/components/ui/button";
import type { PatientAdvice, RedFlag, TriageLevel, TriageReason } from "@/lib/domain/triage";
import { cn } from "@/lib/utils";

const FRAME: Record<PatientAdvice, string> = {
  emergency: "border-destructive bg-destructive/5 dark:bg-destructive/10",
  see_doctor_24h: "border-destructive/60 bg-destructive/5 dark:bg-destructive/10",
  doctor_will_review: "border-soon/60 bg-soon/5 dark:bg-soon/10",
  self_care: "border-routine/50 bg-routine/5 dark:bg-routine/10",
};
const ICON = {
  emergency: AlertOctagon,
  see_doctor_24h: Stethoscope,
  doctor_will_review: Clock,
  self_care: CheckCircle2,
} as const;
const ICON_COLOUR: Record<PatientAdvice, string> = {
  emergency: "text-destructive",
  see_doctor_24h: "text-destructive",
  doctor_will_review: "text-soon",
  self_care: "text-routine",
};

/**
 * What the patient is told (triage.md `patientAdvice`), not the queue level: only an emergency gets the
 * call-15/112 block. Always says why, in the patient's words.
 */
export async function TriageAdvice({
  advice,
  level,
  reasons,
  redFlags,
}: {
  advice: PatientAdvice;
  level: TriageLevel;
  reasons: readonly TriageReason[];
  redFlags: readonly RedFlag[];
}) {
  const t = await getTranslations("report");
  const tr = await getTranslations("triage");
  const Icon = ICON[advice];
  const pressing = advice === "emergency" || advice === "see_doctor_24h";
  return (
    <section
      data-testid="triage-advice"
      data-advice={advice}
      data-level={level}
      aria-labelledby="triage-advice-title"
      // Pressing advice is read out at once; a screen-reader user must not miss it.
      role={pressing ? "alert" : undefined}
      className={cn("grid gap-5 rounded-xl border-2 p-5 sm:p-6", FRAME[advice])}
    >
      <div className="flex items-start gap-4">
        <Icon aria-hidden className={cn("mt-1 size-8 shrink-0", ICON_COLOUR[advice])} />
        <div className="grid gap-2">
          <TriageBadge level={level} />
          <h2
            id="triage-advice-title"
            className={cn("text-xl leading-tight font-semibold sm:text-2xl", pressing && "text-destructive")}
          >
            {t(`advice.${advice}.title`)}
          </h2>
          <p className="text-base">{t(`advice.${advice}.body`)}</p>
        </div>
      </div>

      {advice === "emergency" ? <EmergencySteps /> : null}
      {advice === "see_doctor_24h" ? (
        <div className="grid gap-2 text-base" data-testid="see-doctor-24h">
          <p>{t("advice.see_doctor_24h.alerted")}</p>
          <p className="font-semibold">{t("advice.see_doctor_24h.worse")}</p>
        </div>
      ) : null}
      {advice === "doctor_will_review" ? (
        <p className="text-base font-medium">{t("advice.doctor_will_review.worse")}</p>
      ) : null}
      {advice === "self_care" ? <SelfCareSteps /> : null}

      <div className="grid gap-3 border-t pt-4">
        {redFlags.length > 0 ? (
          <div>
            <h3 className="text-sm font-semibold">{t("result.redFlags")}</h3>
            <ul className="mt-2 grid list-disc gap-1.5 pl-5 text-sm" data-testid="red-flags-reported">
              {redFlags.map((f) => (
                <li key={f} data-flag={f}>
                  {tr(`redFlag.${f}`)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div>
          <h3 className="text-sm font-semibold">{t("result.whyTitle")}</h3>
          {reasons.length > 0 ? (
            <ul className="mt-2 grid list-disc gap-1.5 pl-5 text-sm" data-testid="triage-reasons">
              {reasons.map((r) => (
                <li key={r} data-reason={r}>
                  {tr(`patientReason.${r}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted-foreground mt-2 text-sm">{t("result.noReasons")}</p>
          )}
        </div>
      </div>
    </section>
  );
}

async function EmergencySteps() {
  const t = await getTranslations("report.advice.emergency");
  return (
    <div className="grid gap-4">
      <p className="text-base font-semibold" data-testid="seek-care-now">
        {t("call")}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row" data-testid="emergency-calls">
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
      <p className="text-base">{t("alerted")}</p>
    </div>
  );
}

async function SelfCareSteps() {
  const t = await getTranslations("report.advice.self_care");
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
