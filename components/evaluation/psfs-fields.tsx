"use client";

import { useEffect } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { FieldDescription, FieldError, FieldLegend, FieldSet } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { PSFS_FREQUENCY, PSFS_SEVERITY, type Locale } from "@/lib/domain/scales";
import type { SignEvaluationValues } from "./evaluation-form";
import { useCodeMessage } from "./field-error-text";

/** One PSFS part as a radio group: the code and the scale's own wording, in the user's language. */
function ScaleRadios({
  name,
  legend,
  items,
  description,
}: {
  name: "psfsFrequency" | "psfsSeverity";
  legend: string;
  items: readonly { code: number; en: string; fr: string }[];
  description?: string;
}) {
  const locale = useLocale() as Locale;
  const message = useCodeMessage("evaluation");
  const { control, formState } = useFormContext<SignEvaluationValues>();
  const error = message(formState.errors[name]?.message);
  const id = `eval-${name}`;
  return (
    <FieldSet data-invalid={!!error} className="gap-3">
      <FieldLegend id={`${id}-legend`} variant="label" className="mb-0">
        {legend}
      </FieldLegend>
      {description ? <FieldDescription id={`${id}-desc`}>{description}</FieldDescription> : null}
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <RadioGroup
            ref={field.ref}
            aria-labelledby={`${id}-legend`}
            aria-describedby={
              [description ? `${id}-desc` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined
            }
            aria-invalid={!!error}
            value={field.value === null || field.value === undefined ? "" : String(field.value)}
            onValueChange={(v) => field.onChange(Number(v))}
            className="gap-2"
          >
            {items.map((item) => (
              <div key={item.code} className="flex items-start gap-3">
                <RadioGroupItem id={`${id}-${item.code}`} value={String(item.code)} className="mt-0.5" />
                <Label htmlFor={`${id}-${item.code}`} className="leading-snug font-normal">
                  <span className="font-medium tabular-nums">{item.code}</span> — {item[locale]}
                </Label>
              </div>
            ))}
          </RadioGroup>
        )}
      />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </FieldSet>
  );
}

/** Penn Spasm Frequency Scale: severity is asked only when frequency is above 0 (and cleared otherwise). */
export function PsfsFields() {
  const t = useTranslations("evaluation.psfs");
  const { control, setValue } = useFormContext<SignEvaluationValues>();
  const frequency = useWatch({ control, name: "psfsFrequency" });
  const noSpasms = typeof frequency !== "number" || frequency === 0;
  useEffect(() => {
    if (noSpasms) setValue("psfsSeverity", null);
  }, [noSpasms, setValue]);
  return (
    <FieldSet className="gap-5">
      <FieldLegend>{t("legend")}</FieldLegend>
      <ScaleRadios name="psfsFrequency" legend={t("frequency")} items={PSFS_FREQUENCY} />
      {!noSpasms ? (
        <ScaleRadios
          name="psfsSeverity"
          legend={t("severity")}
          items={PSFS_SEVERITY}
          description={t("severityHelp")}
        />
      ) : null}
    </FieldSet>
  );
}
