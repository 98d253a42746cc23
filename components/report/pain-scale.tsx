"use client";

import { useTranslations } from "next-intl";
import { FieldErrorText } from "@/components/forms/form-message";
import { FieldTitle } from "./choice-group";
import { describedBy, fieldIds } from "./field-ids";

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/**
 * NRS-11 pain as 11 large native radios (one tab stop; arrow keys move and check in one step, as the
 * WAI-ARIA radio pattern says). Each radio covers its whole tile, so a tap lands on the control itself.
 */
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
      <div
        role="radiogroup"
        id={ids.id}
        aria-labelledby={ids.label}
        aria-describedby={describedBy("painScore", { hint: true, error })}
        aria-invalid={error ? true : undefined}
        aria-required
        className="grid grid-cols-6 gap-2 sm:grid-cols-11"
        data-testid="pain-scale"
      >
        {SCORES.map((s) => (
          <label
            key={s}
            className="border-input bg-background hover:bg-accent has-[:focus-visible]:ring-ring/70 has-[:checked]:border-primary has-[:checked]:bg-primary has-[:checked]:text-primary-foreground has-[[data-invalid]]:border-destructive relative flex h-12 items-center justify-center rounded-lg border text-lg font-semibold tabular-nums shadow-xs transition-colors has-[:focus-visible]:ring-[3px]"
          >
            <input
              type="radio"
              name="painScore"
              value={String(s)}
              checked={value === s}
              onChange={(e) => {
                if (e.currentTarget.checked) onChange(s);
              }}
              aria-label={label(s)}
              data-invalid={error ? "" : undefined}
              className="absolute inset-0 size-full cursor-pointer appearance-none rounded-lg outline-none"
            />
            <span aria-hidden>{s}</span>
          </label>
        ))}
      </div>
      <div className="text-muted-foreground flex justify-between gap-4 text-sm" aria-hidden>
        <span>0 · {t("painNone")}</span>
        <span className="text-right">10 · {t("painWorst")}</span>
      </div>
      <FieldErrorText id={ids.error}>{error}</FieldErrorText>
    </div>
  );
}
