"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { Field, FieldDescription, FieldError, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import {
  getAt,
  revalidated,
  setAt,
  withoutErrorsAt,
  type PathErrors,
} from "@/lib/validations/plan-form-state";

// Field rows of the plan forms, wired to the surrounding form by path ("items.2.product"): label, description and
// error are tied to the control by id, and the error is a message code worded in the user's language
// (plan.errors.<code>, else errors.<code>). No form library: the values are one plain object in React state
// (lib/validations/plan-form-state.ts), the controls are uncontrolled (what the user types stays as typed) and
// report each change; the schema (zod, ~30 kB gzipped) is loaded on the first submit, then re-runs on each change.

export const fieldId = (name: string) => `plan-${name.replaceAll(".", "-")}`;

export function useErrorText() {
  const t = useTranslations("plan.errors");
  const te = useTranslations("errors");
  return (code: string | undefined) =>
    !code ? null : t.has(code) ? t(code) : te.has(code) ? te(code) : te("invalid");
}

/** What a field needs from its form: its value when it mounts, its error, and where to report a change. */
export type PlanFormApi = {
  get: (path: string) => unknown;
  error: (path: string) => string | undefined;
  set: (path: string, value: unknown) => void;
  /** A change that is more than one field (rows added, moved or removed); `remap` moves the errors with the rows. */
  update: (path: string, change: (prev: unknown) => unknown, remap?: (e: PathErrors) => PathErrors) => void;
};

const PlanFormContext = createContext<PlanFormApi | null>(null);
export const PlanFormProvider = PlanFormContext.Provider;

export function usePlanFormApi(): PlanFormApi {
  const api = useContext(PlanFormContext);
  if (!api) throw new Error("plan form fields need a PlanFormProvider");
  return api;
}

export type Check<T> = (values: T) => PathErrors;

/** Loads a module once; a failed load (the network went away) is forgotten, so the next submit tries again. */
export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | null = null;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    }));
}

/**
 * A form's values and errors. `update` applies a change at a path (a field, or an array after a row was added,
 * moved or removed); once `attempt` has run a check, every change re-runs it (see `revalidated`), before that a
 * change only clears the errors the server gave about that path. `current()` is the latest values, for handlers
 * that resume after an await (the user may have typed meanwhile).
 */
export function usePlanFormState<T>(initial: () => T, scopeOf: (path: string) => string = (p) => p) {
  const [values, setValues] = useState(initial);
  const latest = useRef(values);
  const [errors, setErrors] = useState<PathErrors>({});
  const [check, setCheck] = useState<{ run: Check<T> } | null>(null);
  const current = () => latest.current;

  function update(path: string, change: (prev: T) => T, remap?: (e: PathErrors) => PathErrors) {
    const scope = scopeOf(path);
    const next = change(latest.current);
    latest.current = next;
    setValues(next);
    setErrors((prev) => {
      const base = remap ? remap(prev) : prev;
      return check ? revalidated(base, check.run(next), path, scope) : withoutErrorsAt(base, path);
    });
  }

  /** Runs `run` on the latest values, keeps it for the changes that follow, shows and returns its errors. */
  function attempt(run: Check<T>): PathErrors {
    setCheck({ run });
    const found = run(latest.current);
    setErrors(found);
    return found;
  }

  const api: PlanFormApi = {
    get: (path) => getAt(values, path),
    error: (path) => errors[path],
    set: (path, value) => update(path, (prev) => setAt(prev, path, value)),
    update: (path, change, remap) =>
      update(path, (prev) => setAt(prev, path, change(getAt(prev, path))), remap),
  };
  return { values, current, errors, setErrors, update, attempt, api };
}

type RowProps = { name: string; label: string; description?: string; className?: string };
type A11y = { id: string; "aria-invalid": boolean; "aria-describedby": string };

function Row({
  name,
  label,
  description,
  className,
  children,
}: RowProps & { children: (a11y: A11y) => ReactNode }) {
  const code = usePlanFormApi().error(name);
  const errorText = useErrorText();
  const id = fieldId(name);
  return (
    <Field data-invalid={!!code} className={cn("gap-1.5", className)}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      {children({ id, "aria-invalid": !!code, "aria-describedby": `${id}-desc ${id}-error` })}
      {description ? <FieldDescription id={`${id}-desc`}>{description}</FieldDescription> : null}
      <FieldError id={`${id}-error`}>{errorText(code)}</FieldError>
    </Field>
  );
}

const asText = (v: unknown) => (typeof v === "string" ? v : "");

export function TextField({
  name,
  label,
  description,
  className,
  multiline,
  ...input
}: RowProps & { multiline?: boolean } & Omit<
    ComponentProps<"input">,
    "name" | "id" | "value" | "defaultValue" | "onChange"
  >) {
  const { get, set } = usePlanFormApi();
  const control = { name, defaultValue: asText(get(name)) };
  return (
    <Row name={name} label={label} description={description} className={className}>
      {(a11y) =>
        multiline ? (
          <Textarea rows={3} {...a11y} {...control} onChange={(e) => set(name, e.currentTarget.value)} />
        ) : (
          <Input {...a11y} {...input} {...control} onChange={(e) => set(name, e.currentTarget.value)} />
        )
      }
    </Row>
  );
}

/** A whole number; an empty or unreadable entry is NaN, which the schema answers with "required". */
export function NumberField({ name, label, description, className }: RowProps) {
  const { get, set } = usePlanFormApi();
  const value = get(name);
  return (
    <Row name={name} label={label} description={description} className={className}>
      {(a11y) => (
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          {...a11y}
          name={name}
          defaultValue={typeof value === "number" && Number.isFinite(value) ? String(value) : ""}
          onChange={(e) => set(name, e.currentTarget.valueAsNumber)}
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
  const { get, set } = usePlanFormApi();
  return (
    <Row name={name} label={label} description={description} className={className}>
      {(a11y) => (
        <select
          className={selectClass}
          {...a11y}
          name={name}
          defaultValue={asText(get(name))}
          onChange={(e) => {
            const v = e.currentTarget.value;
            set(name, nullable && v === "" ? null : v);
          }}
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
