"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltipCard } from "./chart-tooltip";
import { AXIS_TICK, CHART_COLORS, type ChartWeek, WEEK_CHART_FRAME, WEEK_X_AXIS } from "./chart-types";

type Labels = { average: string; highest: string; noEpisode: string };

/** Average (solid) and highest (dashed) pain per week on the 0-10 scale; dots mark the weeks with episodes. */
export function PainChart({ weeks, labels }: { weeks: ChartWeek[]; labels: Labels }) {
  return (
    <div>
      <ul className="text-muted-foreground mb-2 flex flex-wrap gap-x-5 gap-y-1 text-xs">
        <LegendItem label={labels.average} color={CHART_COLORS.average} />
        <LegendItem label={labels.highest} color={CHART_COLORS.highest} dashed />
      </ul>
      <LineChart {...WEEK_CHART_FRAME} data={weeks}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis {...WEEK_X_AXIS} />
        <YAxis
          domain={[0, 10]}
          ticks={[0, 2, 4, 6, 8, 10]}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={32}
        />
        <Tooltip
          cursor={{ stroke: CHART_COLORS.grid }}
          content={({ active, payload }) => {
            const week = payload?.[0]?.payload as ChartWeek | undefined;
            if (!active || !week) return null;
            const value = (v: number | null) => (v === null ? labels.noEpisode : `${v}/10`);
            return (
              <ChartTooltipCard
                week={week}
                lines={[
                  { label: labels.average, value: value(week.avgPain), color: CHART_COLORS.average },
                  {
                    label: labels.highest,
                    value: value(week.maxPain),
                    color: CHART_COLORS.highest,
                    dashed: true,
                  },
                ]}
              />
            );
          }}
        />
        {/* Gaps are bridged so a trend shows across weeks without episodes; only the dots are measurements. */}
        <Line
          type="linear"
          dataKey="maxPain"
          name={labels.highest}
          stroke={CHART_COLORS.highest}
          strokeWidth={2}
          strokeDasharray="5 4"
          dot={{ r: 3, fill: CHART_COLORS.highest, strokeWidth: 0 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="avgPain"
          name={labels.average}
          stroke={CHART_COLORS.average}
          strokeWidth={2.5}
          dot={{ r: 3.5, fill: CHART_COLORS.average, strokeWidth: 0 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}

function LegendItem({ label, color, dashed }: { label: string; color: string; dashed?: boolean }) {
  return (
    <li className="flex items-center gap-2">
      <span
        className="inline-block w-5"
        style={{ borderTop: `2.5px ${dashed ? "dashed" : "solid"} ${color}` }}
      />
      {label}
    </li>
  );
}
