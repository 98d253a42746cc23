"use client";

import { useTranslations } from "next-intl";
import { Siren } from "lucide-react";
import { FieldErrorText } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_REPORT_AGE_MS, toLocalInputValue } from "@/lib/validations/report-limits";
import { RadioCards } from "./choice-group";
import { DurationField } from "./duration-field";
import { describedBy, fieldIds } from "./field-ids";
import type { ReportDraft } from "./report-draft";

type SetDraft = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => void;

/** When it started: "now" by default, so only a patient reporting an earlier episode needs to touch it. */
export function StartField({
  draft,
  set,
  openedAt,
  error,
}: {
  draft: ReportDraft;
  set: SetDraft;
  /** When the form opened in the browser (null on the server): fixes the picker's bounds. */
  openedAt: Date | null;
  error?: string;
}) {
  const t = useTranslations("report.form");
  const ids = fieldIds("startedAt");
  // The schema re-checks the bounds on submit anyway.
  const bounds = openedAt
    ? {
        min: toLocalInputValue(new Date(openedAt.getTime() - MAX_REPORT_AGE_MS)),
        max: toLocalInputValue(openedAt),
      }
    : { min: undefined, max: undefined };
  return (
    <div className="grid gap-3" data-field="startedAt">
      <div className="grid gap-1">
        <Label htmlFor={ids.id} className="text-[0.95rem]">
          {t("startedAt")}
        </Label>
        <p id={ids.hint} className="text-muted-foreground text-sm">
          {t("startedAtHint")}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={ids.id}
          type="datetime-local"
          value={draft.startedLocal}
          min={bounds.min}
          max={bounds.max}
          onChange={(e) => set("startedLocal", e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("startedAt", { hint: true, error })}
          aria-required
          className="h-12 w-auto min-w-60 text-base"
        />
        <Button
          type="button"
          variant="outline"
          className="h-12"
          onClick={() => set("startedLocal", toLocalInputValue(new Date()))}
        >
          {t("setNow")}
        </Button>
      </div>
      <FieldErrorText id={ids.error}>{error}</FieldErrorText>
    </div>
  );
}

/** Still going or not, and how long it lasted (hidden while it is still going). */
export function OngoingFields({
  draft,
  set,
  errors,
}: {
  draft: ReportDraft;
  set: SetDraft;
  errors: { ongoing?: string; durationMinutes?: string };
}) {
  const t = useTranslations("report.form");
  return (
    <>
      <RadioCards
        name="ongoing"
        title={t("ongoing")}
        options={[
          { value: "true", label: t("ongoingYes") },
          { value: "false", label: t("ongoingNo") },
        ]}
        value={draft.ongoing === null ? null : draft.ongoing ? "true" : "false"}
        onChange={(v) => set("ongoing", v === "true")}
        error={errors.ongoing}
      />

      {/* Announced when the patient says it is still going on. */}
      <div aria-live="polite" className="empty:hidden">
        {draft.ongoing ? (
          <p
            className="border-soon/50 bg-soon/10 text-soon flex gap-3 rounded-lg border px-4 py-3 text-sm font-medium"
            data-testid="ongoing-warning"
          >
            <Siren aria-hidden className="mt-0.5 size-4 shrink-0" />
            {t("ongoingWarning")}
          </p>
        ) : null}
      </div>
      {draft.ongoing ? null : (
        <DurationField
          value={draft.duration}
          onChange={(v) => set("duration", v)}
          error={errors.durationMinutes}
        />
      )}
    </>
  );
}
