import { Container } from "@medusajs/ui"
import { useMemo } from "react"
import type { MetricsResponse } from "../../lib/types"
import { ActivityChart } from "../charts/activity-chart"
import { dailyRows } from "../charts/daily-rows"
import { RevenueChart } from "../charts/revenue-chart"
import { SectionHeader } from "../common/section-header"

export const OverviewCharts = ({ metrics }: { metrics: MetricsResponse }) => {
  const { rows, currencies } = useMemo(() => dailyRows(metrics.from, metrics.to, metrics.series), [metrics])
  return (
    <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 520px), 1fr))" }}>
      <Container className="divide-y p-0">
        <SectionHeader title="Engagement" description="Impressions, clicks and add-to-carts on recommended products per day" />
        <div className="px-6 py-4">
          <ActivityChart rows={rows} />
        </div>
      </Container>
      <Container className="divide-y p-0">
        <SectionHeader title="Revenue" description="Revenue and orders attributed to recommendations per day, per currency" />
        <div className="px-6 py-4">
          <RevenueChart rows={rows} currencies={currencies} />
        </div>
      </Container>
    </div>
  )
}
