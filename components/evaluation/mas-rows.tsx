"use client";

import { Plus, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import {
  Field,
  FieldDescription,
  FieldError,
  FieldLabel,
  FieldLegend,
  FieldSet,
} from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LIMB_SIDES, MUSCLE_GROUPS } from "@/lib/domain/evaluation";
import { MAS_SCALE, type Locale } from "@/lib/domain/scales";
import { MAS_ROWS_MAX, OTHER_MUSCLE } from "@/lib/validations/evaluation";
import type { SignEvaluationValues } from "./evaluation-form";
import { useCodeMessage } from "./field-error-text";
import { NativeSelect } from "./native-select";

type RowField = "group" | "otherGroup" | "side" | "score";

/** One row per muscle group and side; "other" opens a text entry. '1+' is offered as its own score. */
export function MasRows() {
  const t = useTranslations("evaluation");
  const locale = useLocale() as Locale;
  const message = useCodeMessage("evaluation");
  const { control, register, formState } = useFormContext<SignEvaluationValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "mas" });
  const rows = useWatch({ control, name: "mas" });
  const rowError = (i: number, f: RowField) => message(formState.errors.mas?.[i]?.[f]?.message);
  const wire = (i: number, f: RowField) => {
    const error = rowError(i, f);
    return {
      id: `mas-${i}-${f}`,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `mas-${i}-${f}-error` : undefined,
    };
  };
  return (
    <FieldSet className="gap-4">
      <FieldLegend>{t("mas.legend")}</FieldLegend>
      <FieldDescription>{t("mas.help")}</FieldDescription>
      {fields.length === 0 ? <p className="text-muted-foreground text-sm">{t("mas.empty")}</p> : null}
      <ol className="grid gap-3">
        {fields.map((row, i) => {
          const other = rows?.[i]?.group === OTHER_MUSCLE;
          return (
            <li key={row.id} data-testid="mas-row" className="rounded-lg border p-3">
              <fieldset className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start">
                <legend className="sr-only">{t("mas.row", { n: i + 1 })}</legend>
                <div className="grid gap-3">
                  <Field data-invalid={!!rowError(i, "group")} className="gap-1.5">
                    <FieldLabel htmlFor={`mas-${i}-group`}>{t("mas.group")}</FieldLabel>
                    <NativeSelect {...wire(i, "group")} {...register(`mas.${i}.group`)}>
                      <option value="">{t("mas.choose")}</option>
                      {MUSCLE_GROUPS.map((g) => (
                        <option key={g} value={g}>
                          {t(`muscle.${g}`)}
                        </option>
                      ))}
                      <option value={OTHER_MUSCLE}>{t("muscle.other")}</option>
                    </NativeSelect>
                    <FieldError id={`mas-${i}-group-error`}>{rowError(i, "group")}</FieldError>
                  </Field>
                  {other ? (
                    <Field data-invalid={!!rowError(i, "otherGroup")} className="gap-1.5">
                      <FieldLabel htmlFor={`mas-${i}-otherGroup`}>{t("mas.otherGroup")}</FieldLabel>
                      <Input maxLength={80} {...wire(i, "otherGroup")} {...register(`mas.${i}.otherGroup`)} />
                      <FieldError id={`mas-${i}-otherGroup-error`}>{rowError(i, "otherGroup")}</FieldError>
                    </Field>
                  ) : null}
                </div>
                <Field data-invalid={!!rowError(i, "side")} className="gap-1.5">
                  <FieldLabel htmlFor={`mas-${i}-side`}>{t("mas.side")}</FieldLabel>
                  <NativeSelect {...wire(i, "side")} {...register(`mas.${i}.side`)}>
                    <option value="">{t("mas.choose")}</option>
                    {LIMB_SIDES.map((s) => (
                      <option key={s} value={s}>
                        {t(`side.${s}`)}
                      </option>
                    ))}
                  </NativeSelect>
                  <FieldError id={`mas-${i}-side-error`}>{rowError(i, "side")}</FieldError>
                </Field>
                <Field data-invalid={!!rowError(i, "score")} className="gap-1.5">
                  <FieldLabel htmlFor={`mas-${i}-score`}>{t("mas.score")}</FieldLabel>
                  <NativeSelect {...wire(i, "score")} {...register(`mas.${i}.score`)}>
                    <option value="">{t("mas.choose")}</option>
                    {MAS_SCALE.map((s) => (
                      <option key={s.code} value={s.code} title={s[locale]}>
                        {s.code}
                      </option>
                    ))}
                  </NativeSelect>
                  <FieldError id={`mas-${i}-score-error`}>{rowError(i, "score")}</FieldError>
                </Field>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="justify-self-end sm:mt-6"
                  aria-label={t("mas.remove", { n: i + 1 })}
                  onClick={() => remove(i)}
                >
                  <Trash2 aria-hidden />
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <details className="text-sm">
        <summary className="text-muted-foreground cursor-pointer">{t("mas.legend")}</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {MAS_SCALE.map((s) => (
            <div key={s.code} className="contents">
              <dt className="font-medium tabular-nums">{s.code}</dt>
              <dd>{s[locale]}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div>
        <Button
          type="button"
          variant="outline"
          disabled={fields.length >= MAS_ROWS_MAX}
          onClick={() =>
            append({ group: "" as never, otherGroup: "", side: "" as never, score: "" as never })
          }
        >
          <Plus aria-hidden /> {t("mas.add")}
        </Button>
      </div>
    </FieldSet>
  );
}
