"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ShieldAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { breakGlassAction } from "@/app/(doctor)/doctor/patients/[id]/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FieldDescription, FieldError, FieldLabel } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { BREAK_GLASS_HOURS, BREAK_GLASS_REASON_MIN } from "@/lib/dto/access";
import { breakGlassSchema, type BreakGlassInput } from "@/lib/validations/case";

/** Refused: this patient has another doctor. Offer time-limited access with a stated reason, audited. */
export function BreakGlassForm({
  patientId,
  patientName,
  doctorName,
}: {
  patientId: string;
  patientName: string | null;
  doctorName: string | null;
}) {
  const t = useTranslations("doctor.case.breakGlass");
  const te = useTranslations("errors");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BreakGlassInput>({
    resolver: zodResolver(breakGlassSchema),
    defaultValues: { patientId, reason: "" },
  });
  const error = form.formState.errors.reason?.message;
  const message = (code: string) =>
    code === "reason_too_short"
      ? t("reasonTooShort", { min: BREAK_GLASS_REASON_MIN })
      : te.has(code)
        ? te(code)
        : te("invalid");

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await breakGlassAction(values);
    if (result.ok) return router.refresh();
    if (result.fieldErrors.reason) form.setError("reason", { message: result.fieldErrors.reason });
    else setFormError(result.error === "conflict" ? t("notNeeded") : t("failed"));
  });

  return (
    <Card className="mx-auto max-w-xl" data-testid="break-glass">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-xl">
          <ShieldAlert aria-hidden className="text-soon size-5" />
          <h1>{t("title")}</h1>
        </CardTitle>
        <CardDescription>
          {patientName && doctorName
            ? t("refusedNamed", { name: patientName, doctor: doctorName })
            : t("refused")}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <p className="text-sm">{t("explain", { hours: BREAK_GLASS_HOURS })}</p>
          <Field data-invalid={!!error}>
            <FieldLabel htmlFor="break-glass-reason">{t("reason")}</FieldLabel>
            <Textarea
              id="break-glass-reason"
              rows={3}
              aria-invalid={!!error}
              aria-describedby="break-glass-reason-help break-glass-reason-error"
              {...form.register("reason")}
            />
            <FieldDescription id="break-glass-reason-help">
              {t("reasonHelp", { min: BREAK_GLASS_REASON_MIN })}
            </FieldDescription>
            <FieldError id="break-glass-reason-error">{error ? message(error) : null}</FieldError>
          </Field>
          {formError ? (
            <p role="alert" className="text-destructive text-sm">
              {formError}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="destructive" disabled={form.formState.isSubmitting}>
              {t("submit")}
            </Button>
            <Button type="button" variant="outline" onClick={() => router.push("/doctor")}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
