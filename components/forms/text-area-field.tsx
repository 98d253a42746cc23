"use client";

import type { ComponentProps } from "react";
import { Textarea } from "@/components/ui/textarea";
import { FieldFrame } from "./field-frame";

type TextAreaFieldProps = Omit<ComponentProps<typeof Textarea>, "id"> & {
  name: string;
  label: string;
  error?: string;
  description?: string;
};

export function TextAreaField({ name, label, error, description, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} description={description}>
      {(control) => <Textarea {...control} {...textarea} />}
    </FieldFrame>
  );
}
