"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FormProvider, useForm, type FieldPath, type Resolver } from "react-hook-form";
import type { z } from "zod";
import {
  amendEvaluationAction,
  saveEvaluationDraftAction,
  signEvaluationAction,
} from "@/app/(doctor)/doctor/patients/[id]/evaluation/actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Field, FieldError, FieldLabel } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useIdempotencyKey } from "@/components/forms/use-idempotency-key";
import type { CoveredReport } from "@/lib/dto/evaluations";
import type { ActionResult } from "@/lib/dto/action-result";
import { evaluationDraftSchema, signEvaluationSchema } from "@/lib/validations/evaluation";
import { useCodeMessage } from "./field-error-text";
import { MasRows } from "./mas-rows";
import { PsfsFields } from "./psfs-fields";
import { WorkUpFields } from "./work-up-fields";

export type SignEvaluationValues = z.input<typeof signEvaluationSchema>;

/**
 * The evaluation editor: PSFS, Ashworth rows, examination and work-up. "Save draft" checks what is there;
 * "Sign…" checks the whole evaluation, then asks for confirmation (signing is final). The schema's object is
 * posted to typed actions; their field errors land next to the fields, in the user's language.
 */
export function EvaluationForm({
  initial,
  newestReport,
}: {
  initial: SignEvaluationValues;
  newestReport: CoveredReport | null;
}) {
  const t = useTranslations("evaluation");
  const tLevel = useTranslations("triage.level");
  const format = useFormatter();
  const message = useCodeMessage("evaluation");
  const router = useRouter();
  const intent = useRef<"save" | "sign">("save");
  const [status, setStatus] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Signing is done once: a second send of this form (retry, double click) gets the first signature back.
  const signKey = useIdempotencyKey();
  const resolver: Resolver<SignEvaluationValues> = (values, context, options) =>
    (intent.current === "sign"
      ? zodResolver(signEvaluationSchema)(values, context, options)
      : // The draft schema ignores coversReportId; same values otherwise.
        zodResolver(evaluationDraftSchema)(values, context, options as never)) as ReturnType<
      Resolver<SignEvaluationValues>
    >;
  const form = useForm<SignEvaluationValues>({ resolver, defaultValues: initial, shouldFocusError: true });
  const { register, formState, getValues, setValue, setError } = form;
  const examError = message(formState.errors.examNotes?.message);
  const patientId = initial.patientId;
  const base = `/doctor/patients/${patientId}/evaluation`;

  function showFailure(result: Extract<ActionResult<unknown>, { ok: false }>) {
    const fields = Object.entries(result.fieldErrors);
    for (const [path, code] of fields) {
      if (path === "_form") continue;
      setError(path as FieldPath<SignEvaluationValues>, { message: code });
    }
    const code = result.entity && message(result.entity) !== message("invalid") ? result.entity : undefined;
    const text = code
      ? message(code)
      : fields.length
        ? t("errors.form")
        : result.error === "forbidden" || result.error === "not_found"
          ? message(result.error)
          : t("errors.failed");
    setStatus({ kind: "error", text: text ?? t("errors.failed") });
  }

  const save = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await saveEvaluationDraftAction(values as z.output<typeof evaluationDraftSchema>);
    if (!result.ok) return showFailure(result);
    setStatus({ kind: "saved", text: t("actions.saved") });
    if (!values.evaluationId) {
      setValue("evaluationId", result.data.id);
      router.replace(`${base}/${result.data.id}/edit`);
    }
  });

  const askToSign = form.handleSubmit(() => setConfirming(true));

  async function sign() {
    setConfirming(false);
    setStatus(null);
    const values = getValues() as z.output<typeof signEvaluationSchema>;
    const result = await signEvaluationAction({ ...values, idempotencyKey: signKey.current() });
    if (!result.ok) return showFailure(result);
    signKey.renew();
    const qs = new URLSearchParams({ signed: "1", newer: String(result.data.newerReports) });
    router.push(`${base}/${result.data.id}?${qs}`);
  }

  return (
    <FormProvider {...form}>
      <form
        noValidate
        data-testid="evaluation-form"
        className="grid gap-8"
        onSubmit={(e) => {
          intent.current = "save";
          void save(e);
        }}
      >
        <PsfsFields />
        <MasRows />
        <Field data-invalid={!!examError}>
          <FieldLabel htmlFor="eval-examNotes" className="text-base">
            {t("examNotes")}
          </FieldLabel>
          <Textarea
            id="eval-examNotes"
            rows={4}
            maxLength={4000}
            aria-invalid={!!examError}
            aria-describedby={examError ? "eval-examNotes-error" : undefined}
            {...register("examNotes")}
          />
          <FieldError id="eval-examNotes-error">{examError}</FieldError>
        </Field>
        <WorkUpFields />
        <div className="grid gap-3">
          <div role="status" aria-live="polite" data-testid="evaluation-status" className="min-h-5 text-sm">
            {status?.kind === "saved" ? <span className="text-muted-foreground">{status.text}</span> : null}
          </div>
          {status?.kind === "error" ? (
            <p role="alert" data-testid="evaluation-error" className="text-destructive text-sm font-medium">
              {status.text}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="outline" disabled={formState.isSubmitting}>
              {t("actions.save")}
            </Button>
            <Button
              type="button"
              data-testid="evaluation-sign"
              disabled={formState.isSubmitting}
              onClick={(e) => {
                intent.current = "sign";
                void askToSign(e);
              }}
            >
              {t("actions.sign")}
            </Button>
          </div>
        </div>
      </form>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("sign.title")}</AlertDialogTitle>
            <AlertDialogDescription>{t("sign.body")}</AlertDialogDescription>
          </AlertDialogHeader>
          <p className="text-sm">
            {newestReport
              ? t("sign.covers", {
                  date: format.dateTime(new Date(newestReport.createdAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                  level: tLevel(newestReport.level),
                })
              : t("sign.noReport")}
          </p>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("sign.cancel")}</AlertDialogCancel>
            <AlertDialogAction data-testid="evaluation-sign-confirm" onClick={() => void sign()}>
              {t("sign.confirm")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </FormProvider>
  );
}

/** Starts an amendment of a signed version and opens the new draft. */
export function AmendButton({ patientId, evaluationId }: { patientId: string; evaluationId: string }) {
  const t = useTranslations("evaluation");
  const message = useCodeMessage("evaluation");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid gap-2">
      <Button
        type="button"
        data-testid="evaluation-amend"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await amendEvaluationAction({ patientId, evaluationId });
          if (result.ok)
            return router.push(`/doctor/patients/${patientId}/evaluation/${result.data.id}/edit`);
          setBusy(false);
          setError(
            (result.entity ? message(result.entity) : null) ?? message(result.error) ?? t("errors.failed"),
          );
        }}
      >
        {busy ? t("actions.amending") : t("actions.amend")}
      </Button>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
