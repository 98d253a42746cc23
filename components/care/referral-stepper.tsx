import { Check, X } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReferralStatus } from "@/lib/dal/care";
import { cn } from "@/lib/utils";

const PATH = ["requested", "sent", "scheduled", "seen"] as const;

/**
 * requested → sent → scheduled → seen, as a small stepper. "declined" ends the path where it stood,
 * which we do not know, so it replaces the last step.
 */
export async function ReferralStepper({ status }: { status: ReferralStatus }) {
  const t = await getTranslations("care.referrals");
  const declined = status === "declined";
  const steps: ReferralStatus[] = declined ? ["requested", "sent", "declined"] : [...PATH];
  const current = steps.indexOf(status);
  return (
    <ol
      aria-label={t("progress")}
      className="flex items-start"
      data-testid="referral-stepper"
      data-status={status}
    >
      {steps.map((step, i) => {
        const done = i < current || (i === current && (step === "seen" || declined));
        const isCurrent = i === current;
        const Icon = step === "declined" ? X : Check;
        return (
          <li
            key={step}
            aria-current={isCurrent ? "step" : undefined}
            className="relative flex flex-1 flex-col items-center gap-1.5 text-center"
          >
            {i > 0 ? (
              <span
                aria-hidden
                className={cn(
                  "absolute top-3 right-1/2 h-0.5 w-full -translate-y-1/2",
                  i <= current
                    ? declined && i === current
                      ? "bg-destructive/60"
                      : "bg-primary"
                    : "bg-border",
                )}
              />
            ) : null}
            <span
              aria-hidden
              className={cn(
                "relative grid size-6 place-items-center rounded-full border-2 text-xs font-semibold",
                step === "declined"
                  ? "border-destructive bg-destructive text-white"
                  : done
                    ? "border-primary bg-primary text-primary-foreground"
                    : isCurrent
                      ? "border-primary bg-background text-primary ring-primary/20 ring-4"
                      : "border-border bg-background text-muted-foreground",
              )}
            >
              {done || step === "declined" ? <Icon className="size-3.5" /> : i + 1}
            </span>
            <span
              className={cn(
                "px-1 text-xs leading-tight",
                isCurrent ? "text-foreground font-semibold" : "text-muted-foreground",
              )}
            >
              {t(`status.${step}`)}
              {isCurrent ? (
                <span className="sr-only"> ({t("current")})</span>
              ) : done ? (
                <span className="sr-only"> ({t("done")})</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
