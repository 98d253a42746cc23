import type { ComponentProps } from "react";
import { CheckIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * A native checkbox drawn as the shadcn Checkbox (Radix Checkbox and its presence/form-bubble code were ~7 kB
 * gzipped on each form page). The browser gives the checkbox role, keyboard, label click and form submission.
 * `className` sizes the box (default size-4).
 */
export function NativeCheckbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <span className={cn("relative inline-grid size-4 shrink-0 place-items-center", className)}>
      <input
        type="checkbox"
        data-slot="checkbox"
        className="peer border-input focus-visible:border-ring focus-visible:ring-ring/70 aria-invalid:border-destructive aria-invalid:ring-destructive/20 checked:border-primary checked:bg-primary dark:bg-input/30 dark:checked:bg-primary dark:aria-invalid:ring-destructive/40 col-start-1 row-start-1 size-full cursor-pointer appearance-none rounded-[4px] border shadow-xs transition-shadow outline-none focus-visible:ring-[3px] disabled:cursor-not-allowed disabled:opacity-50"
        {...props}
      />
      <CheckIcon
        aria-hidden
        className="text-primary-foreground pointer-events-none col-start-1 row-start-1 hidden size-3.5 peer-checked:block"
      />
    </span>
  );
}
