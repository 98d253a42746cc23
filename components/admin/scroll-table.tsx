import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A table whose frame scrolls sideways on narrow screens. The frame is a named, focusable region, so keyboard
 * users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, className, ...props }: ComponentProps<"table"> & { label: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="focus-visible:ring-ring/70 relative w-full overflow-x-auto rounded-xl outline-none focus-visible:ring-[3px]"
    >
      <table data-slot="table" className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
