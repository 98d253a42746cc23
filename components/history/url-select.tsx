"use client";

import { ChevronDown } from "lucide-react";
import { Label } from "@/components/ui/label";

// A native <select> in the shadcn Select trigger's style, as the locale switcher: Radix Select with its popper cost
// ~25 kB gzipped on every page with filters. The OS picker lists the options (keyboard and screen readers included).
/** A labelled select whose value lives in the URL; the parent turns a change into a navigation. */
export function UrlSelect({
  id,
  label,
  value,
  options,
  onChange,
  disabled,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="relative w-full sm:w-56">
        <select
          id={id}
          value={value}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
          className="border-input focus-visible:border-ring focus-visible:ring-ring/50 dark:bg-input/30 dark:hover:bg-input/50 h-9 w-full cursor-pointer appearance-none rounded-md border bg-transparent py-2 pr-9 pl-3 text-sm whitespace-nowrap shadow-xs transition-[color,box-shadow] outline-none focus-visible:ring-[3px] disabled:cursor-not-allowed disabled:opacity-50"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} className="text-foreground bg-popover">
              {o.label}
            </option>
          ))}
        </select>
        <ChevronDown
          aria-hidden
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 opacity-50"
        />
      </div>
    </div>
  );
}
