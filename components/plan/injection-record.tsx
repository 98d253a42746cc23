"use client";

import { unstable_rethrow, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { updateInjectionAction } from "@/app/(doctor)/doctor/patients/[id]/plan/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/dto/action-result";
import type { PlanInjectionView } from "@/lib/dto/plans";
import type { InjectionUpdateInput } from "@/lib/validations/plan";
import { clinicToday } from "@/lib/validations/profile-fields";
import { PlanFormProvider, TextField, lazyModule, usePlanFormState } from "./form-fields";
import { day } from "./day";

type GivenValues = Extract<InjectionUpdateInput, { status: "given" }>;

// The schema (zod) loads on the first submit, not with the page; the action checks the same one.
const loadSchemas = lazyModule(() => import("@/lib/validations/plan"));

/** Records a planned injection as given (day, lot, next review). */
function GivenForm({ injection, patientId }: { injection: PlanInjectionView; patientId: string }) {
  const t = useTranslations("plan.injection");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, startSubmit] = useTransition();
  const form = usePlanFormState<GivenValues>(() => ({
    status: "given",
    patientId,
    injectionId: injection.id,
    givenOn: clinicToday(),
    lot: injection.lot ?? "",
    nextReviewOn: injection.nextReviewOn ?? "",
  }));
  // `act` answers null when the form's own check refused the values (nothing was sent; the fields say why).
  const send = (act: () => Promise<ActionResult<unknown> | null>) =>
    startSubmit(async () => {
      setFailure(null);
      try {
        const result = await act();
        if (!result) return;
        if (result.ok) return router.refresh();
        if (Object.keys(result.fieldErrors).length) form.setErrors(result.fieldErrors);
        else setFailure(t("updateFailed"));
      } catch (err) {
        unstable_rethrow(err);
        setFailure(t("updateFailed"));
      }
    });
  const markGiven = () =>
    send(async () => {
      const { injectionUpdateSchema, schemaErrors } = await loadSchemas();
      const errors = form.attempt((values) => schemaErrors(injectionUpdateSchema, values));
      return Object.keys(errors).length ? null : updateInjectionAction(form.current());
    });
  const cancel = () =>
    send(() => updateInjectionAction({ status: "cancelled", patientId, injectionId: injection.id }));
  return (
    <PlanFormProvider value={form.api}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          markGiven();
        }}
        className="grid gap-3 rounded-lg border p-3"
        data-testid="injection-given-form"
      >
        <p className="text-sm font-medium">{t("recordGiven")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="givenOn" type="date" label={t("givenOn")} />
          <TextField name="lot" label={t("lot")} />
          <TextField name="nextReviewOn" type="date" label={t("nextReviewOn")} />
        </div>
        <p role="status" className="text-destructive min-h-5 text-sm">
          {failure}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {t("markGiven")}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={cancel} disabled={pending}>
            {t("cancelInjection")}
          </Button>
        </div>
      </form>
    </PlanFormProvider>
  );
}

export function InjectionRecord({
  injection,
  patientId,
  editable,
}: {
  injection: PlanInjectionView;
  patientId: string;
  editable?: boolean;
}) {
  const t = useTranslations("plan.injection");
  const tSide = useTranslations("plan.sides");
  const format = useFormatter();
  const date = (iso: string) => format.dateTime(day(iso), { dateStyle: "long" });
  const sum = injection.sites.reduce((s, x) => s + x.units, 0);
  return (
    <div className="grid gap-2 text-sm" data-testid="injection-record" data-status={injection.status}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={injection.status === "given" ? "default" : "outline"}>
          {t(`status.${injection.status}`)}
        </Badge>
        <span className="font-medium">{injection.product}</span>
        <span className="text-muted-foreground">
          {injection.status === "given" && injection.givenAt
            ? t("givenOnDate", { date: format.dateTime(new Date(injection.givenAt), { dateStyle: "long" }) })
            : t("plannedOn", { date: date(injection.scheduledOn) })}
        </span>
      </div>
      <dl className="bg-muted/60 grid gap-x-6 gap-y-1 rounded-lg px-3 py-2 sm:grid-cols-3">
        <div>
          <dt className="text-muted-foreground text-xs">{t("totalUnits")}</dt>
          <dd className="font-medium">{injection.totalUnits ?? "—"}</dd>
        </div>
        {injection.dilution ? (
          <div>
            <dt className="text-muted-foreground text-xs">{t("dilution")}</dt>
            <dd className="font-medium">{injection.dilution}</dd>
          </div>
        ) : null}
        {injection.guidance ? (
          <div>
            <dt className="text-muted-foreground text-xs">{t("guidance")}</dt>
            <dd className="font-medium">{t(`guidanceOptions.${injection.guidance}`)}</dd>
          </div>
        ) : null}
        {injection.lot ? (
          <div>
            <dt className="text-muted-foreground text-xs">{t("lot")}</dt>
            <dd className="font-medium">{injection.lot}</dd>
          </div>
        ) : null}
        {injection.nextReviewOn ? (
          <div>
            <dt className="text-muted-foreground text-xs">{t("nextReviewOn")}</dt>
            <dd className="font-medium">{date(injection.nextReviewOn)}</dd>
          </div>
        ) : null}
      </dl>
      <table className="w-full max-w-md text-sm">
        <caption className="sr-only">{t("sites")}</caption>
        <thead>
          <tr className="text-muted-foreground border-b text-left text-xs">
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("muscleHeader")}
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("sideHeader")}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t("unitsHeader")}
            </th>
          </tr>
        </thead>
        <tbody>
          {injection.sites.map((s) => (
            <tr key={`${s.muscle}-${s.side}`} className="border-b last:border-0">
              <td className="py-1 pr-2">{s.muscle}</td>
              <td className="py-1 pr-2">{tSide(s.side)}</td>
              <td className="py-1 text-right tabular-nums">{s.units}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {injection.unitsNote || (injection.totalUnits !== null && sum !== injection.totalUnits) ? (
        <p className="text-muted-foreground">
          {t("unitsNoteShown", { sum, note: injection.unitsNote ?? "" })}
        </p>
      ) : null}
      {editable && injection.status === "planned" ? (
        <GivenForm injection={injection} patientId={patientId} />
      ) : null}
    </div>
  );
}
