import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { formatDay } from "../../lib/format"
import { ChartLegend } from "./chart-legend"
import { ChartTooltip } from "./chart-tooltip"
import { axisTick, chartColors, seriesColor } from "./chart-colors"
import type { DailyRow } from "./daily-rows"

const SERIES = [
  { key: "impressions", label: "Impressions", axis: "left" },
  { key: "clicks", label: "Clicks", axis: "right" },
  { key: "add_to_carts", label: "Add to carts", axis: "right" },
] as const

/** Impressions (left axis, area) against clicks and add-to-carts (right axis, lines), per day. */
export const ActivityChart = ({ rows }: { rows: DailyRow[] }) => (
  <div className="flex flex-col gap-y-3" data-testid="activity-chart">
    <ChartLegend items={SERIES.map((s, i) => ({ label: s.label, color: seriesColor(i) }))} />
    <div className="w-full" style={{ height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <defs>
            <linearGradient id="reco-impressions" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor={seriesColor(0)} stopOpacity={0.25} />
              <stop offset="100%" stopColor={seriesColor(0)} stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid vertical={false} stroke={chartColors.grid} strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={formatDay} tick={axisTick} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis yAxisId="left" tick={axisTick} tickLine={false} axisLine={false} width={48} allowDecimals={false} />
          <YAxis yAxisId="right" orientation="right" tick={axisTick} tickLine={false} axisLine={false} width={40} allowDecimals={false} />
          <Tooltip cursor={{ stroke: chartColors.grid }} content={<ChartTooltip labelFormatter={formatDay} />} />
          {SERIES.map((s, i) =>
            s.axis === "left" ? (
              <Area
                key={s.key}
                yAxisId="left"
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={seriesColor(i)}
                strokeWidth={2}
                fill="url(#reco-impressions)"
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={s.key}
                yAxisId="right"
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={seriesColor(i)}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            )
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  </div>
)
