"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { setCauseStatusAction } from "@/app/(doctor)/doctor/patients/[id]/causes/actions";
import { useCodeMessage } from "@/components/evaluation/field-error-text";
import { NativeSelect } from "@/components/evaluation/native-select";
import { Button } from "@/components/ui/button";
import {
  Field,
  FieldError,
  FieldDescription,
  FieldLabel,
  FieldLegend,
  FieldSet,
} from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";
import {
  CAUSE_STATUSES,
  RECORDED_CAUSES,
  type CauseStatus,
  type RecordedCause,
} from "@/lib/domain/cause-records";
import { setCauseStatusSchema, type SetCauseStatusValues } from "@/lib/validations/causes";

/**
 * Sets a cause's status with a note. For a cause already shown (a suggestion or a recorded one) the cause is
 * fixed; with `choose`, the doctor picks a cause the software did not suggest ("other" takes a free label).
 */
export function CauseDecisionForm({
  idPrefix,
  patientId,
  causeId,
  cause,
  current,
  choose = false,
}: {
  idPrefix: string;
  patientId: string;
  causeId: string | null;
  cause: RecordedCause | null;
  current: CauseStatus | null;
  choose?: boolean;
}) {
  const t = useTranslations("causes");
  const message = useCodeMessage("causes");
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<SetCauseStatusValues>({
    resolver: zodResolver(setCauseStatusSchema),
    defaultValues: {
      patientId,
      causeId,
      cause: (cause ?? "") as RecordedCause,
      label: "",
      status: (current ?? "") as CauseStatus,
      note: "",
    },
  });
  const { register, control, formState, setError, reset } = form;
  const chosen = useWatch({ control, name: "cause" });
  const err = (name: "cause" | "label" | "status" | "note") => message(formState.errors[name]?.message);
  const id = (name: string) => `${idPrefix}-${name}`;
  const describe = (name: "cause" | "label" | "status" | "note", extra?: string) =>
    [extra, err(name) ? id(`${name}-error`) : undefined].filter(Boolean).join(" ") || undefined;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await setCauseStatusAction(values as Parameters<typeof setCauseStatusAction>[0]);
    if (!result.ok) {
      for (const [path, code] of Object.entries(result.fieldErrors)) {
        setError(path as FieldPath<SetCauseStatusValues>, { message: code });
      }
      setStatus({ ok: false, text: message(result.error) ?? t("errors.failed") });
      return;
    }
    setStatus({ ok: true, text: t("saved") });
    if (choose) reset();
    else reset({ ...values, note: "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" data-testid={`${idPrefix}-form`}>
      {choose ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field data-invalid={!!err("cause")}>
            <FieldLabel htmlFor={id("cause")}>{t("add.cause")}</FieldLabel>
            <NativeSelect
              id={id("cause")}
              aria-invalid={!!err("cause")}
              aria-describedby={describe("cause")}
              {...register("cause")}
            >
              <option value="">{t("add.choose")}</option>
              {RECORDED_CAUSES.map((c) => (
                <option key={c} value={c}>
                  {t(`cause.${c}`)}
                </option>
              ))}
            </NativeSelect>
            <FieldError id={id("cause-error")}>{err("cause")}</FieldError>
          </Field>
          {chosen === "other" ? (
            <Field data-invalid={!!err("label")}>
              <FieldLabel htmlFor={id("label")}>{t("add.label")}</FieldLabel>
              <Input
                id={id("label")}
                maxLength={120}
                aria-invalid={!!err("label")}
                aria-describedby={describe("label")}
                {...register("label")}
              />
              <FieldError id={id("label-error")}>{err("label")}</FieldError>
            </Field>
          ) : null}
        </div>
      ) : null}
      <FieldSet data-invalid={!!err("status")} className="gap-2">
        <FieldLegend id={id("status-legend")} variant="label" className="mb-1">
          {t("status.label")}
        </FieldLegend>
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <RadioGroup
              ref={field.ref}
              aria-labelledby={id("status-legend")}
              aria-describedby={describe("status")}
              aria-invalid={!!err("status")}
              value={field.value ?? ""}
              onValueChange={field.onChange}
              className="flex flex-wrap gap-x-5 gap-y-2"
            >
              {CAUSE_STATUSES.map((s) => (
                <div key={s} className="flex items-center gap-2">
                  <RadioGroupItem id={id(`status-${s}`)} value={s} />
                  <Label htmlFor={id(`status-${s}`)} className="font-normal">
                    {t(`status.${s}`)}
                  </Label>
                </div>
              ))}
            </RadioGroup>
          )}
        />
        <FieldError id={id("status-error")}>{err("status")}</FieldError>
      </FieldSet>
      <Field data-invalid={!!err("note")}>
        <FieldLabel htmlFor={id("note")}>{t("note")}</FieldLabel>
        <Textarea
          id={id("note")}
          rows={2}
          maxLength={2000}
          aria-invalid={!!err("note")}
          aria-describedby={describe("note", id("note-help"))}
          {...register("note")}
        />
        <FieldDescription id={id("note-help")}>{t("noteHelp")}</FieldDescription>
        <FieldError id={id("note-error")}>{err("note")}</FieldError>
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={choose ? "default" : "outline"} disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("saving") : choose ? t("add.submit") : t("save")}
        </Button>
        <span role="status" className="text-muted-foreground text-sm">
          {status?.ok ? status.text : null}
        </span>
      </div>
      {status && !status.ok ? (
        <p role="alert" className="text-destructive text-sm font-medium">
          {status.text}
        </p>
      ) : null}
    </form>
  );
}
