"use client";

import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldErrorText } from "./form-message";

type TextFieldProps = Omit<ComponentProps<typeof Input>, "id"> & {
  name: string;
  label: string;
  error?: string;
  description?: string;
};

export function TextField({ name, label, error, description, ...input }: TextFieldProps) {
  const id = `field-${name}`;
  const describedBy = [description ? `${id}-desc` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
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
