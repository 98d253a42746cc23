"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { get, useFormContext } from "react-hook-form";
import { Field, FieldDescription, FieldError, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";

// Field rows of the plan forms, wired to the surrounding react-hook-form by path ("items.2.product"): label,
// description and error are tied to the control by id, and the error is a message code worded in the user's
// language (plan.errors.<code>, else errors.<code>).

export const fieldId = (name: string) => `plan-${name.replaceAll(".", "-")}`;

export function useErrorText() {
  const t = useTranslations("plan.errors");
  const te = useTranslations("errors");
  return (code: string | undefined) =>
    !code ? null : t.has(code) ? t(code) : te.has(code) ? te(code) : te("invalid");
}

function useFieldState(name: string) {
  const { formState } = useFormContext();
  const code = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return { code, invalid: !!code };
}

type RowProps = { name: string; label: string; description?: string; className?: string };

function Row({
  name,
  label,
  description,
  className,
  children,
}: RowProps & {
  children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby": string }) => ReactNode;
}) {
  const { code, invalid } = useFieldState(name);
  const errorText = useErrorText();
  const id = fieldId(name);
  return (
    <Field data-invalid={invalid} className={cn("gap-1.5", className)}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {children({ id, "aria-invalid": invalid, "aria-describedby": `${id}-desc ${id}-error` })}
      {description ? <FieldDescription id={`${id}-desc`}>{description}</FieldDescription> : null}
      <FieldError id={`${id}-error`}>{errorText(code)}</FieldError>
    </Field>
  );
}

export function TextField({
  name,
  label,
  description,
  className,
  multiline,
  ...input
}: RowProps & { multiline?: boolean } & Omit<ComponentProps<"input">, "name" | "id">) {
  const { register } = useFormContext();
  return (
    <Row name={name} label={label} description={description} className={className}>
      {(a11y) =>
        multiline ? (
          <Textarea rows={3} {...a11y} {...register(name)} />
        ) : (
          <Input {...a11y} {...input} {...register(name)} />
        )
      }
    </Row>
  );
}

export function NumberField({ name, label, description, className }: RowProps) {
  const { register } = useFormContext();
  return (
    <Row name={name} label={label} description={description} className={className}>
      {(a11y) => (
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          {...a11y}
          {...register(name, { valueAsNumber: true })}
        />
      )}
    </Row>
  );
}

const selectClass =
  "border-input h-9 w-full min-w-0 rounded-md border bg-transparent px-3 py-1 text-base shadow-xs outline-none md:text-sm dark:bg-input/30 focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/70 aria-invalid:border-destructive";

/** A native select: keyboard and screen-reader behaviour for free, fine on phones. "" posts as null when nullable. */
export function SelectField({
  name,
  label,
  description,
  className,
  options,
  placeholder,
  nullable,
}: RowProps & { options: { value: string; label: string }[]; placeholder?: string; nullable?: boolean }) {
  const { register } = useFormContext();
  return (
    <Row name={name} label={label} description={description} className={className}>
      {(a11y) => (
        <select
          className={selectClass}
          {...a11y}
          {...register(name, nullable ? { setValueAs: (v: string) => (v === "" ? null : v) } : {})}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Row>
  );
}
