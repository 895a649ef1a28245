import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { formatAmount, formatDay } from "../../lib/format"
import { ChartLegend } from "./chart-legend"
import { ChartTooltip } from "./chart-tooltip"
import { axisTick, chartColors, seriesColor } from "./chart-colors"
import type { DailyRow } from "./daily-rows"

/** Attributed revenue per day, one bar per currency (never summed), and attributed orders as a line. */
export const RevenueChart = ({ rows, currencies }: { rows: DailyRow[]; currencies: string[] }) => {
  const ordersColor = seriesColor(currencies.length + 1)
  const legend = [
    ...currencies.map((c, i) => ({ label: `Revenue ${c.toUpperCase()}`, color: seriesColor(i + 1) })),
    { label: "Attributed orders", color: ordersColor },
  ]
  return (
    <div className="flex flex-col gap-y-3" data-testid="revenue-chart">
      <ChartLegend items={legend} />
      <div className="w-full" style={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke={chartColors.grid} strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={formatDay} tick={axisTick} tickLine={false} axisLine={false} minTickGap={24} />
            <YAxis yAxisId="money" tick={axisTick} tickLine={false} axisLine={false} width={56} />
            <YAxis yAxisId="orders" orientation="right" tick={axisTick} tickLine={false} axisLine={false} width={32} allowDecimals={false} />
            <Tooltip
              cursor={{ fill: chartColors.cursor }}
              content={
                <ChartTooltip
                  labelFormatter={formatDay}
                  valueFormatter={(value, _name, key) =>
                    key.startsWith("rev_") ? formatAmount(value, key.slice(4)) : value.toLocaleString("en-US")
                  }
                />
              }
            />
            {currencies.map((c, i) => (
              <Bar
                key={c}
                yAxisId="money"
                dataKey={`rev_${c}`}
                name={`Revenue ${c.toUpperCase()}`}
                fill={seriesColor(i + 1)}
                radius={[3, 3, 0, 0]}
                maxBarSize={18}
                isAnimationActive={false}
              />
            ))}
            <Line
              yAxisId="orders"
              type="monotone"
              dataKey="attributed_orders"
              name="Attributed orders"
              stroke={ordersColor}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  )
}
