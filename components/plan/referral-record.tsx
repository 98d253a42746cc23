"use client";

import { unstable_rethrow, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { updateReferralAction } from "@/app/(doctor)/doctor/patients/[id]/plan/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { nextReferralStatuses } from "@/lib/domain/plans";
import type { SuspectedCauseRef } from "@/lib/dto/causes";
import type { PlanReferralView } from "@/lib/dto/plans";
import type { ReferralUpdateInput } from "@/lib/validations/plan";
import { clinicToday } from "@/lib/validations/profile-fields";
import { useCauseLabel } from "./cause-label";
import { PlanFormProvider, SelectField, TextField, lazyModule, usePlanFormState } from "./form-fields";

const STEPS = [
  ["requested", "requestedAt"],
  ["sent", "sentAt"],
  ["scheduled", "scheduledFor"],
  ["seen", "seenAt"],
  ["declined", "declinedAt"],
] as const;

// The schema (zod) loads on the first submit, not with the page; the action checks the same one.
const loadSchemas = lazyModule(() => import("@/lib/validations/plan"));

/** Moves the referral one step along requested → sent → scheduled → seen (or declined), with the day. */
function MoveForm({ referral, patientId }: { referral: PlanReferralView; patientId: string }) {
  const t = useTranslations("plan.referral");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startSubmit] = useTransition();
  const next = nextReferralStatuses(referral.status);
  const form = usePlanFormState<ReferralUpdateInput>(() => ({
    patientId,
    referralId: referral.id,
    status: next[0],
    on: clinicToday(),
  }));
  const submit = () =>
    startSubmit(async () => {
      setFailure(null);
      try {
        const { referralUpdateSchema, schemaErrors } = await loadSchemas();
        const errors = form.attempt((values) => schemaErrors(referralUpdateSchema, values));
        if (Object.keys(errors).length) return;
        const result = await updateReferralAction(form.current());
        if (result.ok) return router.refresh();
        if (Object.keys(result.fieldErrors).length) form.setErrors(result.fieldErrors);
        else setFailure(result.error === "conflict" ? t("moveConflict") : t("moveFailed"));
      } catch (err) {
        unstable_rethrow(err);
        setFailure(t("moveFailed"));
      }
    });
  if (!next.length) return null;
  return (
    <PlanFormProvider value={form.api}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
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
        <Button type="submit" size="sm" className="w-fit" disabled={pending}>
          {t("move")}
        </Button>
      </form>
    </PlanFormProvider>
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
