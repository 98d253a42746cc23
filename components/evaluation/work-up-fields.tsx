"use client";

import { useTranslations } from "next-intl";
import { Controller, useFormContext } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Field,
  FieldDescription,
  FieldError,
  FieldLabel,
  FieldLegend,
  FieldSet,
} from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { WORK_UP_TESTS, type WorkUpTest } from "@/lib/domain/evaluation";
import type { SignEvaluationValues } from "./evaluation-form";
import { useCodeMessage } from "./field-error-text";

/** Tests ordered (ticks), and notes: required when "other" is ticked. */
export function WorkUpFields() {
  const t = useTranslations("evaluation.workUp");
  const message = useCodeMessage("evaluation");
  const { control, register, formState } = useFormContext<SignEvaluationValues>();
  const notesError = message(formState.errors.workUpNotes?.message);
  return (
    <FieldSet className="gap-4">
      <FieldLegend>{t("legend")}</FieldLegend>
      <Controller
        control={control}
        name="workUpOrdered"
        render={({ field }) => {
          const value = (field.value ?? []) as WorkUpTest[];
          return (
            <ul className="grid gap-2 sm:grid-cols-2">
              {WORK_UP_TESTS.map((test) => (
                <li key={test} className="flex items-center gap-3">
                  <Checkbox
                    id={`workup-${test}`}
                    checked={value.includes(test)}
                    onCheckedChange={(on) =>
                      field.onChange(on === true ? [...value, test] : value.filter((v) => v !== test))
                    }
                  />
                  <Label htmlFor={`workup-${test}`} className="font-normal">
                    {t(`test.${test}`)}
                  </Label>
                </li>
              ))}
            </ul>
          );
        }}
      />
      <Field data-invalid={!!notesError}>
        <FieldLabel htmlFor="eval-workUpNotes">{t("notes")}</FieldLabel>
        <Textarea
          id="eval-workUpNotes"
          rows={2}
          maxLength={2000}
          aria-invalid={!!notesError}
          aria-describedby={`eval-workUpNotes-help${notesError ? " eval-workUpNotes-error" : ""}`}
          {...register("workUpNotes")}
        />
        <FieldDescription id="eval-workUpNotes-help">{t("notesHelp")}</FieldDescription>
        <FieldError id="eval-workUpNotes-error">{notesError}</FieldError>
      </Field>
    </FieldSet>
  );
}
