import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { EmptyState } from "../../components/common/empty-state"
import { ErrorState } from "../../components/common/error-state"
import { LoadingState } from "../../components/common/loading-state"
import { PageHeader } from "../../components/common/page-header"
import { PlacementSelect } from "../../components/common/placement-select"
import { SectionHeader } from "../../components/common/section-header"
import { KpiGrid } from "../../components/overview/kpi-grid"
import { ModelMetricsTable } from "../../components/overview/model-metrics-table"
import { OverviewCharts } from "../../components/overview/overview-charts"
import { PlacementMetricsTable } from "../../components/overview/placement-metrics-table"
import { RangeSelect } from "../../components/overview/range-select"
import { useMetrics } from "../../hooks/use-metrics"
import { isoDay } from "../../lib/format"
import { withRecoQueryClient } from "../../lib/query-client"
import { PLACEMENTS } from "../../lib/types"

const OverviewPage = () => {
  const [days, setDays] = useState(30)
  const [placement, setPlacement] = useState<string | null>(null)
  const { data, error, isLoading } = useMetrics({ from: isoDay(days - 1), to: isoDay(0), placement: placement ?? undefined })

  return (
    <div className="flex flex-col gap-y-3" data-testid="reco-overview">
      <Container className="p-0">
        <PageHeader
          title="Recommendations"
          description="What the recommendations showed, what shoppers clicked and the orders they earned."
          actions={
            <>
              <PlacementSelect inline value={placement} onChange={setPlacement} placements={PLACEMENTS} allLabel="All placements" />
              <RangeSelect days={days} onChange={setDays} />
            </>
          }
        />
      </Container>
      {error ? (
        <Container className="p-0">
          <ErrorState error={error} what="the metrics" />
        </Container>
      ) : isLoading || !data ? (
        <Container className="p-0">
          <LoadingState rows={6} />
        </Container>
      ) : (
        <>
          <KpiGrid kpis={data.kpis} />
          <OverviewCharts metrics={data} />
          <Container className="divide-y p-0">
            <SectionHeader title="By placement" />
            <PlacementMetricsTable rows={data.by_placement} />
          </Container>
          <Container className="divide-y p-0">
            <SectionHeader title="By model run" description="Which trained model produced the lists that were shown" />
            {data.by_model.length ? <ModelMetricsTable rows={data.by_model} /> : <EmptyState title="No model run has served lists in this period" />}
          </Container>
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Recommendations", icon: Sparkles, rank: 10 })

export default withRecoQueryClient(OverviewPage)
