"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Info } from "lucide-react";
import { FieldErrorText } from "@/components/forms/form-message";
import { Label } from "@/components/ui/label";
import {
  CONDITIONS,
  MEDICINES,
  SEXES,
  type Condition,
  type Medicine,
  type Sex,
} from "@/lib/domain/report-fields";
import { nativeRadioClass } from "@/components/report/choice-group";
import { cn } from "@/lib/utils";
import { CheckboxOptions } from "./checkbox-options";

// The four conditions triage.md treats as serious come first in CONDITIONS.
const SERIOUS = CONDITIONS.slice(0, 4);
const COMMON = CONDITIONS.slice(4);

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="bg-card rounded-xl border p-5 shadow-sm sm:p-6">
      <fieldset aria-describedby={`${id}-hint`} className="m-0 grid min-w-0 gap-5 border-0 p-0">
        <legend className="mb-1">
          <h2 className="text-lg font-semibold">{title}</h2>
        </legend>
        <div id={`${id}-hint`} className="text-muted-foreground text-sm">
          {hint}
        </div>
        {children}
      </fieldset>
    </div>
  );
}

export function SexField({ defaultValue, error }: { defaultValue: Sex | ""; error?: string }) {
  const t = useTranslations("profile");
  const tSex = useTranslations("fields.sex");
  return (
    <div className="grid gap-2">
      <p id="field-sex-label" className="text-sm font-medium">
        {t("fields.sex")}
      </p>
      {/* Native radios sharing one name: the browser's radio group (one tab stop, arrows), no Radix (~9 kB). */}
      <div
        role="radiogroup"
        aria-labelledby="field-sex-label"
        aria-describedby={error ? "field-sex-error" : undefined}
        aria-invalid={error ? true : undefined}
        className="flex flex-wrap gap-2"
      >
        {SEXES.map((s) => (
          <Label
            key={s}
            htmlFor={`field-sex-${s}`}
            className={cn(
              "hover:bg-accent/60 cursor-pointer gap-2 rounded-full border px-3 py-2 font-normal transition-colors",
              "has-[:checked]:border-primary has-[:checked]:bg-primary/5 dark:has-[:checked]:bg-primary/10 has-[:focus-visible]:ring-ring/70 has-[:focus-visible]:ring-[3px]",
            )}
          >
            <input
              type="radio"
              id={`field-sex-${s}`}
              name="sex"
              value={s}
              defaultChecked={defaultValue === s}
              data-invalid={error ? "" : undefined}
              className={cn(nativeRadioClass, "size-4 checked:border-[5px]")}
            />
            {tSex(s)}
          </Label>
        ))}
      </div>
      <FieldErrorText id="field-sex-error">{error}</FieldErrorText>
    </div>
  );
}

export function ConditionsSection({
  defaultChecked,
  error,
  children,
}: {
  defaultChecked: Condition[];
  error?: string;
  children: ReactNode;
}) {
  const t = useTranslations("profile");
  const tc = useTranslations("fields.condition");
  const options = (codes: readonly Condition[]) => codes.map((c) => ({ value: c, label: tc(c) }));
  return (
    <Section
      id="profile-conditions"
      title={t("sections.conditions")}
      hint={
        <p className="flex gap-2">
          <Info aria-hidden className="text-primary mt-0.5 size-4 shrink-0" />
          {t("sections.conditionsHint")}
        </p>
      }
    >
      <div role="group" aria-labelledby="conditions-serious" className="grid gap-2">
        <p className="text-sm font-medium" id="conditions-serious">
          {t("sections.seriousGroup")}
        </p>
        <CheckboxOptions
          name="conditions"
          options={options(SERIOUS)}
          defaultChecked={defaultChecked}
          invalid={!!error}
          describedBy={error ? "field-conditions-error" : undefined}
        />
      </div>
      <div role="group" aria-labelledby="conditions-common" className="grid gap-2">
        <p className="text-sm font-medium" id="conditions-common">
          {t("sections.commonGroup")}
        </p>
        <CheckboxOptions
          name="conditions"
          options={options(COMMON)}
          defaultChecked={defaultChecked}
          invalid={!!error}
          describedBy={error ? "field-conditions-error" : undefined}
        />
        <FieldErrorText id="field-conditions-error">{error}</FieldErrorText>
      </div>
      {children}
    </Section>
  );
}

export function MedicinesSection({
  defaultChecked,
  error,
  children,
}: {
  defaultChecked: Medicine[];
  error?: string;
  children: ReactNode;
}) {
  const t = useTranslations("profile");
  const tm = useTranslations("fields.medicine");
  return (
    <Section
      id="profile-medicines"
      title={t("sections.medicines")}
      hint={<p>{t("sections.medicinesHint")}</p>}
    >
      <div className="grid gap-2">
        <CheckboxOptions
          name="medicines"
          options={MEDICINES.map((m) => ({ value: m, label: tm(m) }))}
          defaultChecked={defaultChecked}
          invalid={!!error}
          describedBy={error ? "field-medicines-error" : undefined}
        />
        <FieldErrorText id="field-medicines-error">{error}</FieldErrorText>
      </div>
      {children}
    </Section>
  );
}
