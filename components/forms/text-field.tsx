"use client";

import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";
import { FieldFrame } from "./field-frame";

type TextFieldProps = Omit<ComponentProps<typeof Input>, "id"> & {
  name: string;
  label: string;
  error?: string;
  description?: string;
};

export function TextField({ name, label, error, description, ...input }: TextFieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} description={description}>
      {(control) => <Input {...control} {...input} />}
    </FieldFrame>
  );
}
