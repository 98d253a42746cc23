"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { updateReferralAction } from "@/app/(doctor)/doctor/patients/[id]/plan/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { nextReferralStatuses } from "@/lib/domain/plans";
import type { SuspectedCauseRef } from "@/lib/dto/causes";
import type { PlanReferralView } from "@/lib/dto/plans";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import type { ReferralUpdateInput } from "@/lib/validations/plan";
import { clinicToday } from "@/lib/validations/profile-fields";
import { useCauseLabel } from "./cause-label";
import { SelectField, TextField } from "./form-fields";

const STEPS = [
  ["requested", "requestedAt"],
  ["sent", "sentAt"],
  ["scheduled", "scheduledFor"],
  ["seen", "seenAt"],
  ["declined", "declinedAt"],
] as const;

const referralResolver = lazyResolver<ReferralUpdateInput>(async () => {
  const [{ zodResolver }, { referralUpdateSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    import("@/lib/validations/plan"),
  ]);
  return zodResolver(referralUpdateSchema);
});

/** Moves the referral one step along requested → sent → scheduled → seen (or declined), with the day. */
function MoveForm({ referral, patientId }: { referral: PlanReferralView; patientId: string }) {
  const t = useTranslations("plan.referral");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const next = nextReferralStatuses(referral.status);
  const form = useForm<ReferralUpdateInput>({
    resolver: referralResolver,
    defaultValues: { patientId, referralId: referral.id, status: next[0], on: clinicToday() },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await updateReferralAction(values);
    if (result.ok) return router.refresh();
    for (const [path, code] of Object.entries(result.fieldErrors))
      form.setError(path as "on", { message: code });
    if (!Object.keys(result.fieldErrors).length)
      setFailure(result.error === "conflict" ? t("moveConflict") : t("moveFailed"));
  });
  if (!next.length) return null;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={submit}
        className="grid gap-3 rounded-lg border p-3"
        data-testid="referral-move-form"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            name="status"
            label={t("nextStep")}
            options={next.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <TextField name="on" type="date" label={t("on")} description={t("onHint")} />
        </div>
        <p role="status" className="text-destructive min-h-5 text-sm">
          {failure}
        </p>
        <Button type="submit" size="sm" className="w-fit" disabled={form.formState.isSubmitting}>
          {t("move")}
        </Button>
      </form>
    </FormProvider>
  );
}

export function ReferralRecord({
  referral,
  causes,
  patientId,
  editable,
}: {
  referral: PlanReferralView;
  causes: SuspectedCauseRef[];
  patientId: string;
  editable?: boolean;
}) {
  const t = useTranslations("plan.referral");
  const tu = useTranslations("plan.urgency");
  const format = useFormatter();
  const causeLabel = useCauseLabel();
  const cause = causes.find((c) => c.id === referral.suspectedCauseId);
  const steps = STEPS.filter(([, key]) => referral[key]);
  return (
    <div className="grid gap-2 text-sm" data-testid="referral-record" data-status={referral.status}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge
          variant={
            referral.urgency === "urgent" ? "urgent" : referral.urgency === "soon" ? "soon" : "routine"
          }
        >
          {tu(referral.urgency)}
        </Badge>
        <Badge variant="outline" data-testid="referral-status">
          {t(`status.${referral.status}`)}
        </Badge>
      </div>
      <p className="whitespace-pre-line">{referral.reason}</p>
      {cause ? (
        <p className="text-muted-foreground">{t("linkedCause", { cause: causeLabel(cause) })}</p>
      ) : null}
      {steps.length ? (
        <ol className="text-muted-foreground grid gap-0.5" aria-label={t("history")}>
          {steps.map(([status, key]) => (
            <li key={status}>
              {t(`status.${status}`)} · {format.dateTime(new Date(referral[key]!), { dateStyle: "long" })}
            </li>
          ))}
        </ol>
      ) : null}
      {editable ? <MoveForm referral={referral} patientId={patientId} /> : null}
    </div>
  );
}
