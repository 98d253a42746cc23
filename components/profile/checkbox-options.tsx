"use client";

import { NativeCheckbox } from "@/components/forms/native-checkbox";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type Option = { value: string; label: string };

/** A list of checkbox cards submitting `name` once per checked value. */
export function CheckboxOptions({
  name,
  options,
  defaultChecked,
  invalid,
  describedBy,
  className,
}: {
  name: string;
  options: Option[];
  defaultChecked: readonly string[];
  invalid?: boolean;
  describedBy?: string;
  className?: string;
}) {
  return (
    <ul className={cn("grid gap-2 sm:grid-cols-2", className)}>
      {options.map((o) => {
        const id = `field-${name}-${o.value}`;
        return (
          <li key={o.value}>
            <Label
              htmlFor={id}
              className={cn(
                "hover:bg-accent/60 flex h-full cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 leading-snug font-normal transition-colors",
                "has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-primary/5 dark:has-[[data-state=checked]]:bg-primary/10",
              )}
            >
              <NativeCheckbox
                id={id}
                name={name}
                value={o.value}
                defaultChecked={defaultChecked.includes(o.value)}
                aria-invalid={invalid || undefined}
                aria-describedby={describedBy}
                className="mt-0.5"
              />
              <span>{o.label}</span>
            </Label>
          </li>
        );
      })}
    </ul>
  );
}
