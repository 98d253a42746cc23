/** One ISO week as the charts draw it: labels are formatted on the server in the patient's language. */
export type ChartWeek = {
  weekStart: string;
  label: string;
  longLabel: string;
  episodes: number;
  avgPain: number | null;
  maxPain: number | null;
};

// Theme tokens from app/globals.css, so the charts follow light and dark mode.
export const CHART_COLORS = {
  episodes: "var(--chart-1)",
  average: "var(--primary)",
  highest: "var(--chart-5)",
  grid: "var(--border)",
  axis: "var(--muted-foreground)",
  cursor: "var(--muted)",
} as const;

export const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 12 } as const;

/** Shared by both weekly charts so their axes and frames line up. */
export const WEEK_CHART_FRAME = {
  responsive: true,
  accessibilityLayer: false,
  style: { width: "100%", height: 240 },
  margin: { top: 8, right: 8, bottom: 0, left: 0 },
} as const;

export const WEEK_X_AXIS = {
  dataKey: "label",
  tick: AXIS_TICK,
  tickLine: false,
  axisLine: { stroke: CHART_COLORS.grid },
  minTickGap: 12,
} as const;
