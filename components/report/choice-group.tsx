"use client";

import type { ReactNode } from "react";
import { FieldErrorText } from "@/components/forms/form-message";
import { NativeCheckbox } from "@/components/forms/native-checkbox";
import { cn } from "@/lib/utils";
import { describedBy, fieldIds } from "./field-ids";

export type ChoiceOption<T extends string> = { value: T; label: string; badge?: string };

/** A big tappable row: the whole card is the control's label. */
const cardClass =
  "flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border bg-background px-3.5 py-2.5 text-sm leading-snug transition-colors hover:bg-accent/60 has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/70 has-[:checked]:border-primary has-[:checked]:bg-primary/5 dark:has-[:checked]:bg-primary/15 has-data-[state=checked]:border-primary has-data-[state=checked]:bg-primary/5 dark:has-data-[state=checked]:bg-primary/15 has-[[disabled]]:cursor-default has-[[disabled]]:opacity-80";

export function FieldTitle({
  name,
  children,
  hint,
}: {
  name: string;
  children: ReactNode;
  hint?: ReactNode;
}) {
  const ids = fieldIds(name);
  return (
    <div className="grid gap-1">
      <span id={ids.label} className="text-[0.95rem] font-medium">
        {children}
      </span>
      {hint ? (
        <p id={ids.hint} className="text-muted-foreground text-sm">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type RadioCardsProps<T extends string> = {
  name: string;
  title: string;
  hint?: string;
  options: readonly ChoiceOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string;
  className?: string;
};

/** A native radio drawn as a circle: the browser's own radio group behaviour, restyled. */
export const nativeRadioClass =
  "size-5 shrink-0 cursor-pointer appearance-none rounded-full border border-input bg-background shadow-xs transition-[border-width,border-color] outline-none checked:border-[6px] checked:border-primary data-[invalid]:border-destructive checked:data-[invalid]:border-primary";

/**
 * One answer among a few, as large cards. Native radios sharing one `name`: the browser implements the
 * WAI-ARIA radio pattern (one tab stop, arrow keys move focus and check in the same step), and the checked
 * radio is the value the form submits, so what the patient sees selected is what is stored.
 */
export function RadioCards<T extends string>({
  name,
  title,
  hint,
  options,
  value,
  onChange,
  error,
  className,
}: RadioCardsProps<T>) {
  const ids = fieldIds(name);
  return (
    <div className="grid gap-3" data-field={name}>
      <FieldTitle name={name} hint={hint}>
        {title}
      </FieldTitle>
      <div
        role="radiogroup"
        id={ids.id}
        aria-labelledby={ids.label}
        aria-describedby={describedBy(name, { hint: !!hint, error })}
        aria-invalid={error ? true : undefined}
        aria-required
        className={cn("grid gap-2 sm:grid-cols-2", className)}
      >
        {options.map((o) => (
          <label key={o.value} htmlFor={`${ids.id}-${o.value}`} className={cardClass}>
            <input
              type="radio"
              id={`${ids.id}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={(e) => {
                if (e.currentTarget.checked) onChange(o.value);
              }}
              className={nativeRadioClass}
              data-invalid={error ? "" : undefined}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldErrorText id={ids.error}>{error}</FieldErrorText>
    </div>
  );
}

type CheckboxCardsProps<T extends string> = {
  name: string;
  title: string;
  hint?: string;
  options: readonly ChoiceOption<T>[];
  values: readonly T[];
  onChange: (values: T[]) => void;
  /** Shown checked and locked (e.g. what the profile already says). */
  locked?: readonly T[];
  error?: string;
};

/** Several answers from a list; values stay in the list's order. */
export function CheckboxCards<T extends string>({
  name,
  title,
  hint,
  options,
  values,
  onChange,
  locked = [],
  error,
}: CheckboxCardsProps<T>) {
  const ids = fieldIds(name);
  const toggle = (v: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((o) => (o === v ? on : values.includes(o))));
  return (
    <fieldset id={ids.id} aria-describedby={describedBy(name, { hint: !!hint, error })} data-field={name}>
      <legend id={ids.label} className="mb-1 text-[0.95rem] font-medium">
        {title}
      </legend>
      {hint ? (
        <p id={ids.hint} className="text-muted-foreground mb-3 text-sm">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => {
          const isLocked = locked.includes(o.value);
          return (
            <label key={o.value} htmlFor={`${ids.id}-${o.value}`} className={cardClass}>
              <NativeCheckbox
                id={`${ids.id}-${o.value}`}
                className="size-5"
                checked={isLocked || values.includes(o.value)}
                disabled={isLocked}
                onChange={(e) => toggle(o.value, e.currentTarget.checked)}
                aria-invalid={error ? true : undefined}
              />
              <span className="flex-1">{o.label}</span>
              {o.badge ? (
                <span className="text-muted-foreground rounded-full border px-2 py-0.5 text-xs">
                  {o.badge}
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
      <div className="mt-2 empty:hidden">
        <FieldErrorText id={ids.error}>{error}</FieldErrorText>
      </div>
    </fieldset>
  );
}
