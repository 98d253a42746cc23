"use client";

import { useTranslations } from "next-intl";
import { FieldErrorText } from "@/components/forms/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { MAX_DURATION_MINUTES } from "@/lib/validations/report-limits";
import { describedBy, fieldIds } from "./field-ids";

const QUICK_PICKS = [1, 5, 15, 30, 60] as const;

/** Minutes typed, or one tap on a common length. */
export function DurationField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const t = useTranslations("report.form");
  const ids = fieldIds("durationMinutes");
  return (
    <div className="grid gap-3" data-field="durationMinutes">
      <div className="grid gap-1">
        <Label htmlFor={ids.id} id={ids.label} className="text-[0.95rem]">
          {t("duration")}
        </Label>
        <p id={ids.hint} className="text-muted-foreground text-sm">
          {t("durationHint")}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-36">
          <Input
            id={ids.id}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_DURATION_MINUTES}
            step={1}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("durationMinutes", { hint: true, error })}
            aria-required
            className="h-12 pr-16 text-base"
          />
          <span
            className="text-muted-foreground pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm"
            aria-hidden
          >
            {t("durationUnit")}
          </span>
        </div>
        <div role="group" aria-label={t("durationQuickPicks")} className="flex flex-wrap gap-2">
          {QUICK_PICKS.map((m) => {
            const on = value.trim() === String(m);
            return (
              <button
                key={m}
                type="button"
                aria-pressed={on}
                onClick={() => onChange(String(m))}
                className={cn(
                  "border-input bg-background hover:bg-accent focus-visible:ring-ring/70 h-12 min-w-14 rounded-full border px-4 text-sm font-medium tabular-nums transition-colors outline-none focus-visible:ring-[3px]",
                  on && "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
                )}
              >
                {m === 60 ? t("durationChipHour") : t("durationChip", { minutes: m })}
              </button>
            );
          })}
        </div>
      </div>
      <FieldErrorText id={ids.error}>{error}</FieldErrorText>
    </div>
  );
}
