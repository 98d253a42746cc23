"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import type { PlanItemKind } from "@/lib/domain/plans";
import { MEDICATION_ROUTES, REFERRAL_URGENCIES } from "@/lib/domain/plans";
import type { SuspectedCauseRef } from "@/lib/dto/causes";
import { useCauseLabel } from "./cause-label";
import { SelectField, TextField } from "./form-fields";

// The injection's fields (muscle rows, units, guidance, interval warnings) are the editor's largest: loaded with the
// first injection item shown, so a plan without one never downloads them. Rendered on the server all the same when
// the draft has one; the placeholder shows only while an item just added loads.
const InjectionFields = dynamic(() => import("./injection-fields").then((m) => m.InjectionFields), {
  loading: () => <Skeleton className="h-64 w-full" data-testid="injection-fields-loading" />,
});

type Props = {
  index: number;
  kind: PlanItemKind;
  causes: SuspectedCauseRef[];
  lastInjectionOn: string | null;
};

/** The fields of one plan item, by kind: each kind has its own (see lib/validations/plan.ts). */
export function PlanItemFields({ index, kind, causes, lastInjectionOn }: Props) {
  const t = useTranslations("plan.fields");
  const tRoute = useTranslations("plan.routes");
  const tUrgency = useTranslations("plan.urgency");
  const causeLabel = useCauseLabel();
  const p = `items.${index}`;
  const causeOptions = causes.map((c) => ({ value: c.id, label: causeLabel(c, c.status) }));
  const instructions = (required: boolean) => (
    <TextField
      name={`${p}.instructions`}
      multiline
      label={required ? t("instructions") : t("instructionsOptional")}
      description={t("instructionsHint")}
    />
  );

  switch (kind) {
    case "stretching_massage":
    case "hydration_electrolytes":
    case "rest_stress":
      return instructions(true);
    case "treat_underlying_cause":
      return (
        <div className="grid gap-4">
          <SelectField
            name={`${p}.suspectedCauseId`}
            label={t("cause")}
            description={causes.length ? undefined : t("noCauses")}
            options={causeOptions}
            placeholder={t("choose")}
            nullable
          />
          {instructions(true)}
        </div>
      );
    case "medication":
      return (
        <div className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name={`${p}.medicationName`} label={t("medicationName")} />
            <TextField name={`${p}.dose`} label={t("dose")} description={t("doseHint")} />
            <SelectField
              name={`${p}.route`}
              label={t("route")}
              options={MEDICATION_ROUTES.map((r) => ({ value: r, label: tRoute(r) }))}
            />
            <TextField name={`${p}.schedule`} label={t("schedule")} description={t("scheduleHint")} />
            <TextField name={`${p}.startOn`} type="date" label={t("startOn")} />
            <TextField name={`${p}.stopOn`} type="date" label={t("stopOn")} />
          </div>
          {instructions(false)}
        </div>
      );
    case "injection":
      return <InjectionFields index={index} lastInjectionOn={lastInjectionOn} />;
    case "neurology_referral":
      return (
        <div className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              name={`${p}.urgency`}
              label={t("urgency")}
              options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: tUrgency(u) }))}
            />
            <SelectField
              name={`${p}.suspectedCauseId`}
              label={t("linkedCause")}
              options={causeOptions}
              placeholder={t("noLinkedCause")}
              nullable
            />
          </div>
          <TextField name={`${p}.reason`} multiline label={t("reason")} description={t("reasonHint")} />
          {instructions(false)}
        </div>
      );
    case "follow_up":
      return (
        <div className="grid gap-4">
          <TextField name={`${p}.followUpOn`} type="date" label={t("followUpOn")} className="sm:max-w-xs" />
          {instructions(false)}
        </div>
      );
  }
}
