"use client";

import type { ComponentProps } from "react";
import { FieldErrorText } from "@/components/forms/form-message";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

type TextAreaFieldProps = Omit<ComponentProps<typeof Textarea>, "id"> & {
  name: string;
  label: string;
  error?: string;
  description?: string;
};

/** TextField's sibling for free text: label, hint and error wired to the control. */
export function TextAreaField({ name, label, error, description, ...textarea }: TextAreaFieldProps) {
  const id = `field-${name}`;
  const describedBy = [description ? `${id}-desc` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
      {description ? (
        <p id={`${id}-desc`} className="text-muted-foreground text-sm">
          {description}
        </p>
      ) : null}
      <FieldErrorText id={`${id}-error`}>{error}</FieldErrorText>
    </div>
  );
}
