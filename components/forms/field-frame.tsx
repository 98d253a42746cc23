"use client";

import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { FieldErrorText } from "./form-message";

export type ControlProps = {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

/** Label, hint and error around one control, wired by id so screen readers read the error with the field. */
export function FieldFrame({
  name,
  label,
  error,
  description,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  description?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = `field-${name}`;
  const describedBy = [description ? `${id}-desc` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {description ? (
        <p id={`${id}-desc`} className="text-muted-foreground text-sm">
          {description}
        </p>
      ) : null}
      <FieldErrorText id={`${id}-error`}>{error}</FieldErrorText>
    </div>
  );
}
