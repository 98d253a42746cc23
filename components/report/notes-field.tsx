"use client";

import { useTranslations } from "next-intl";
import { FieldErrorText } from "@/components/forms/form-message";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { MAX_NOTES_LENGTH } from "@/lib/validations/report-limits";
import { describedBy, fieldIds } from "./field-ids";

export function NotesField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const t = useTranslations("report.form");
  const ids = fieldIds("notes");
  return (
    <div className="grid gap-2" data-field="notes">
      <Label htmlFor={ids.id} className="text-[0.95rem]">
        {t("notes")}
      </Label>
      <p id={ids.hint} className="text-muted-foreground -mt-1 text-sm">
        {t("notesHint")}
      </p>
      <Textarea
        id={ids.id}
        name="notes"
        rows={4}
        maxLength={MAX_NOTES_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy("notes", { hint: true, error })}
        className="min-h-28 text-base"
      />
      <p className="text-muted-foreground text-right text-xs tabular-nums" aria-hidden>
        {t("notesCount", { count: value.length, max: MAX_NOTES_LENGTH })}
      </p>
      <FieldErrorText id={ids.error}>{error}</FieldErrorText>
    </div>
  );
}
