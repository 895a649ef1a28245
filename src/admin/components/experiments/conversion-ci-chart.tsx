import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { formatPercent } from "../../lib/format"
import type { ArmResult } from "../../lib/types"
import { axisTick, chartColors, seriesColor } from "../charts/chart-colors"
import { ChartTooltip } from "../charts/chart-tooltip"

/** Conversion rate per arm with its 95% interval as error bars. */
export const ConversionCiChart = ({ arms }: { arms: ArmResult[] }) => {
  const data = arms.map((a) => ({
    name: a.name,
    rate: a.conversion_rate,
    error: [Math.max(0, a.conversion_rate - a.conversion_ci[0]), Math.max(0, a.conversion_ci[1] - a.conversion_rate)],
  }))
  return (
    <div className="w-full" style={{ height: 220 }} data-testid="conversion-ci-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={chartColors.grid} strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={axisTick} tickLine={false} axisLine={false} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => formatPercent(v, 1)} />
          <Tooltip
            cursor={{ fill: chartColors.cursor }}
            content={<ChartTooltip valueFormatter={(v) => formatPercent(v, 2)} />}
          />
          <Bar dataKey="rate" name="Conversion rate" fill={seriesColor(0)} radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false}>
            <ErrorBar dataKey="error" width={8} strokeWidth={1.5} stroke={chartColors.axis} direction="y" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
