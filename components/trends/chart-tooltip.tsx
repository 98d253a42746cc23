"use client";

import type { ChartWeek } from "./chart-types";

export type TooltipLine = { label: string; value: string; color: string; dashed?: boolean };

/** The hover card of both charts (pointer users only; the page's data tables carry the same values). */
export function ChartTooltipCard({ week, lines }: { week: ChartWeek; lines: TooltipLine[] }) {
  return (
    <div className="bg-popover text-popover-foreground grid min-w-40 gap-1.5 rounded-md border px-3 py-2 text-xs shadow-md">
      <p className="font-medium">{week.longLabel}</p>
      {lines.map((line) => (
        <p key={line.label} className="flex items-center gap-2">
          <span
            className="inline-block h-0.5 w-3 shrink-0"
            style={{ borderTop: `2px ${line.dashed ? "dashed" : "solid"} ${line.color}` }}
          />
          <span className="text-muted-foreground">{line.label}</span>
          <span className="ml-auto font-medium tabular-nums">{line.value}</span>
        </p>
      ))}
    </div>
  );
}
