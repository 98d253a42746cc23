"use client";

import { useTranslations } from "next-intl";
import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import { FieldErrorText } from "@/components/forms/form-message";
import { FieldTitle } from "./choice-group";
import { describedBy, fieldIds } from "./field-ids";

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/** NRS-11 pain as 11 large radio buttons (one tab stop; arrow keys move and choose). */
export function PainScale({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (score: number) => void;
  error?: string;
}) {
  const t = useTranslations("report.form");
  const ids = fieldIds("painScore");
  const label = (s: number) =>
    s === 0 ? t("painOptionNone") : s === 10 ? t("painOptionWorst") : t("painOption", { score: s });
  return (
    <div className="grid gap-3" data-field="painScore">
      <FieldTitle name="painScore" hint={t("painHint")}>
        {t("pain")}
      </FieldTitle>
      <RadioGroupPrimitive.Root
        id={ids.id}
        value={value === null ? "" : String(value)}
        onValueChange={(v) => onChange(Number(v))}
        aria-labelledby={ids.label}
        aria-describedby={describedBy("painScore", { hint: true, error })}
        aria-invalid={error ? true : undefined}
        aria-required
        className="grid grid-cols-6 gap-2 sm:grid-cols-11"
        data-testid="pain-scale"
      >
        {SCORES.map((s) => (
          <RadioGroupPrimitive.Item
            key={s}
            value={String(s)}
            aria-label={label(s)}
            aria-invalid={error ? true : undefined}
            className="border-input bg-background hover:bg-accent focus-visible:ring-ring/70 data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground aria-invalid:border-destructive flex h-12 items-center justify-center rounded-lg border text-lg font-semibold tabular-nums shadow-xs transition-colors outline-none focus-visible:ring-[3px]"
          >
            {s}
          </RadioGroupPrimitive.Item>
        ))}
      </RadioGroupPrimitive.Root>
      <div className="text-muted-foreground flex justify-between gap-4 text-sm" aria-hidden>
        <span>0 · {t("painNone")}</span>
        <span className="text-right">10 · {t("painWorst")}</span>
      </div>
      <FieldErrorText id={ids.error}>{error}</FieldErrorText>
    </div>
  );
}
