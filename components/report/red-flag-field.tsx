"use client";

import { useTranslations } from "next-intl";
import { Phone, Siren } from "lucide-react";
import { Button } from "@/components/ui/button";
import { RED_FLAG_ANSWERS, RED_FLAG_NONE, type RedFlagAnswer } from "@/lib/validations/report-limits";
import { CheckboxCards } from "./choice-group";

/**
 * "Along with this spasm, do you have any of these, new since it started?" Required: "none of these" is an
 * explicit answer, never a default. Ticking "none" clears the flags and ticking a flag clears "none".
 */
export function RedFlagField({
  value,
  onChange,
  error,
}: {
  value: readonly RedFlagAnswer[];
  onChange: (value: RedFlagAnswer[]) => void;
  error?: string;
}) {
  const t = useTranslations("report.redFlags");
  const change = (next: RedFlagAnswer[]) => {
    const added = next.filter((v) => !value.includes(v));
    if (added.includes(RED_FLAG_NONE)) onChange([RED_FLAG_NONE]);
    else onChange(added.length > 0 ? next.filter((v) => v !== RED_FLAG_NONE) : next);
  };
  const flagged = value.some((v) => v !== RED_FLAG_NONE);
  return (
    <div className="grid gap-4" data-testid="red-flags">
      <CheckboxCards
        name="redFlags"
        title={t("question")}
        hint={t("hint")}
        options={RED_FLAG_ANSWERS.map((v) => ({ value: v, label: t(`option.${v}`) }))}
        values={value}
        onChange={change}
        error={error}
      />
      {/* Announced as soon as a flag is ticked: the patient should not wait for the report to be sent. */}
      <div aria-live="assertive" className="empty:hidden">
        {flagged ? (
          <div
            className="border-destructive bg-destructive/5 text-destructive grid gap-3 rounded-lg border-2 px-4 py-3"
            data-testid="red-flag-warning"
          >
            <p className="flex gap-3 text-sm font-semibold">
              <Siren aria-hidden className="mt-0.5 size-4 shrink-0" />
              {t("warning")}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="destructive" className="h-11">
                <a href="tel:15">
                  <Phone aria-hidden /> {t("call15")}
                </a>
              </Button>
              <Button asChild variant="outline" className="border-destructive text-destructive h-11">
                <a href="tel:112">
                  <Phone aria-hidden /> {t("call112")}
                </a>
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
