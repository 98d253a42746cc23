"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltipCard } from "./chart-tooltip";
import { AXIS_TICK, CHART_COLORS, type ChartWeek, WEEK_CHART_FRAME, WEEK_X_AXIS } from "./chart-types";

/** Bars of episodes per week. Drawn for sighted users only: the page gives the same data as a table. */
export function EpisodesChart({ weeks, seriesLabel }: { weeks: ChartWeek[]; seriesLabel: string }) {
  return (
    <BarChart {...WEEK_CHART_FRAME} data={weeks}>
      <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
      <XAxis {...WEEK_X_AXIS} />
      <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} width={32} />
      <Tooltip
        cursor={{ fill: CHART_COLORS.cursor }}
        content={({ active, payload }) => {
          const week = payload?.[0]?.payload as ChartWeek | undefined;
          if (!active || !week) return null;
          return (
            <ChartTooltipCard
              week={week}
              lines={[{ label: seriesLabel, value: String(week.episodes), color: CHART_COLORS.episodes }]}
            />
          );
        }}
      />
      <Bar
        dataKey="episodes"
        name={seriesLabel}
        fill={CHART_COLORS.episodes}
        radius={[4, 4, 0, 0]}
        maxBarSize={40}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
