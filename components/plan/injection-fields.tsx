"use client";

import { Plus, Trash2, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { LIMB_SIDES } from "@/lib/domain/evaluation";
import { INJECTION_GUIDANCE, MIN_INJECTION_INTERVAL_WEEKS, injectionTooSoon } from "@/lib/domain/plans";
import type { InjectionSiteInput } from "@/lib/validations/plan";
import { INJECTION_SITES_MAX, sitesTotal } from "@/lib/validations/plan-form";
import { reindexErrors, removeMap } from "@/lib/validations/plan-form-state";
import { day } from "./day";
import { NumberField, SelectField, TextField, fieldId, useErrorText, usePlanFormApi } from "./form-fields";

const MUSCLE_SUGGESTIONS = [
  "Gastrocnemius",
  "Soleus",
  "Tibialis posterior",
  "Flexor digitorum longus",
  "Biceps brachii",
  "Brachioradialis",
  "Flexor carpi radialis",
  "Flexor carpi ulnaris",
  "Flexor digitorum superficialis",
  "Flexor digitorum profundus",
  "Adductor longus",
  "Hamstrings",
  "Sternocleidomastoid",
  "Trapezius",
];

// React keys of the muscle rows: a row keeps what was typed in it when one above it is removed.
let lastSiteKey = 0;
const siteKey = () => `site-${++lastSiteKey}`;

/**
 * Botulinum toxin: product, dose, one row per muscle and side, guidance, dates. Loaded with the first injection
 * item shown (plan-item-fields.tsx), not with the editor.
 */
export function InjectionFields({
  index,
  lastInjectionOn,
}: {
  index: number;
  lastInjectionOn: string | null;
}) {
  const t = useTranslations("plan.injection");
  const tSide = useTranslations("plan.sides");
  const errorText = useErrorText();
  const format = useFormatter();
  const form = usePlanFormApi();
  const p = `items.${index}`;
  const sites = (form.get(`${p}.sites`) as InjectionSiteInput[] | undefined) ?? [];
  const [siteKeys, setSiteKeys] = useState(() => sites.map(siteKey));
  const total = form.get(`${p}.totalUnits`) as number;
  const scheduledOn = (form.get(`${p}.scheduledOn`) as string | undefined) ?? "";
  const nextReviewOn = (form.get(`${p}.nextReviewOn`) as string | undefined) ?? "";
  const sum = sitesTotal(sites.map((s) => ({ units: Number.isFinite(s?.units) ? s.units : 0 })));
  const balanced = Number.isFinite(total) && sum === total;
  const tooSoonAfterLast = injectionTooSoon(lastInjectionOn, scheduledOn || null);
  const reviewTooSoon = injectionTooSoon(scheduledOn || null, nextReviewOn || null);
  const sitesError = form.error(`${p}.sites`);
  const addSite = () => {
    form.update(`${p}.sites`, (prev) => [
      ...((prev as InjectionSiteInput[] | undefined) ?? []),
      { muscle: "", side: "left", units: Number.NaN },
    ]);
    setSiteKeys((keys) => [...keys, siteKey()]);
  };
  const removeSite = (row: number) => {
    form.update(
      `${p}.sites`,
      (prev) => (prev as InjectionSiteInput[]).filter((_, i) => i !== row),
      (e) => reindexErrors(e, `${p}.sites`, removeMap(row)),
    );
    setSiteKeys((keys) => keys.filter((_, i) => i !== row));
  };

  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name={`${p}.product`} label={t("product")} description={t("productHint")} />
        <NumberField name={`${p}.totalUnits`} label={t("totalUnits")} />
        <TextField name={`${p}.dilution`} label={t("dilution")} description={t("dilutionHint")} />
        <SelectField
          name={`${p}.guidance`}
          label={t("guidance")}
          options={INJECTION_GUIDANCE.map((g) => ({ value: g, label: t(`guidanceOptions.${g}`) }))}
        />
      </div>

      <fieldset
        className="grid gap-3 rounded-lg border p-3"
        aria-describedby={`${fieldId(`${p}.sites`)}-error`}
      >
        <legend className="px-1 text-sm font-medium">{t("sites")}</legend>
        <datalist id={`muscles-${index}`}>
          {MUSCLE_SUGGESTIONS.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        {sites.map((_, row) => (
          <div
            key={siteKeys[row]}
            className="grid grid-cols-[1fr_auto] items-start gap-2 sm:grid-cols-[2fr_1fr_1fr_auto]"
            data-testid="injection-site"
          >
            <TextField
              name={`${p}.sites.${row}.muscle`}
              label={t("muscle", { n: row + 1 })}
              list={`muscles-${index}`}
              autoComplete="off"
              className="col-span-2 sm:col-span-1"
            />
            <SelectField
              name={`${p}.sites.${row}.side`}
              label={t("side", { n: row + 1 })}
              options={LIMB_SIDES.map((s) => ({ value: s, label: tSide(s) }))}
            />
            <NumberField name={`${p}.sites.${row}.units`} label={t("units", { n: row + 1 })} />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="mt-6"
              aria-label={t("removeSite", { n: row + 1 })}
              onClick={() => removeSite(row)}
            >
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={sites.length >= INJECTION_SITES_MAX}
            onClick={addSite}
          >
            <Plus aria-hidden /> {t("addSite")}
          </Button>
          <p
            className={balanced ? "text-muted-foreground text-sm" : "text-soon text-sm font-medium"}
            data-testid="units-sum"
            aria-live="polite"
          >
            {t("sum", { sum, total: Number.isFinite(total) ? total : 0 })}
          </p>
        </div>
        <FieldError id={`${fieldId(`${p}.sites`)}-error`}>{errorText(sitesError)}</FieldError>
      </fieldset>

      {!balanced ? (
        <TextField name={`${p}.unitsNote`} label={t("unitsNote")} description={t("unitsNoteHint")} />
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name={`${p}.scheduledOn`} type="date" label={t("scheduledOn")} />
        <TextField name={`${p}.nextReviewOn`} type="date" label={t("nextReviewOn")} />
        <TextField name={`${p}.lot`} label={t("lot")} description={t("lotHint")} />
      </div>
      {tooSoonAfterLast || reviewTooSoon ? (
        <Alert role="status" className="border-soon/50" data-testid="injection-too-soon">
          <TriangleAlert aria-hidden className="text-soon" />
          <AlertDescription>
            {tooSoonAfterLast
              ? t("tooSoonAfterLast", {
                  date: lastInjectionOn ? format.dateTime(day(lastInjectionOn), { dateStyle: "long" }) : "",
                  weeks: MIN_INJECTION_INTERVAL_WEEKS,
                })
              : t("reviewTooSoon", { weeks: MIN_INJECTION_INTERVAL_WEEKS })}
          </AlertDescription>
        </Alert>
      ) : null}
      <TextField
        name={`${p}.instructions`}
        multiline
        label={t("instructions")}
        description={t("instructionsHint")}
      />
    </div>
  );
}
