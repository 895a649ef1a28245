// Medusa's own colour tokens (CSS variables of the dashboard theme), so charts follow light and dark mode.
export const chartColors = {
  grid: "var(--border-base)",
  axis: "var(--fg-muted)",
  cursor: "var(--bg-base-hover)",
  series: ["var(--tag-blue-icon)", "var(--tag-green-icon)", "var(--tag-orange-icon)", "var(--tag-purple-icon)", "var(--tag-red-icon)"],
} as const

export const seriesColor = (index: number) => chartColors.series[index % chartColors.series.length]

export const axisTick = { fill: chartColors.axis, fontSize: 12 } as const
