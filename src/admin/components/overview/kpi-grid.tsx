import { formatInt, formatMoneyList, formatPercent } from "../../lib/format"
import type { Kpis } from "../../lib/types"
import { KpiCard } from "./kpi-card"

const aov = (list: Kpis["aov_with_recommendations"]) =>
  list.length ? list.map((m) => `${formatMoneyList([m])} (${formatInt(m.orders)} orders)`).join(" · ") : "–"

export const KpiGrid = ({ kpis }: { kpis: Kpis }) => (
  <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))" }} data-testid="kpi-grid">
    <KpiCard
      testId="kpi-revenue"
      label="Attributed revenue"
      value={formatMoneyList(kpis.attributed_revenue)}
      detail={`${formatInt(kpis.attributed_orders)} orders · ${formatInt(kpis.attributed_items)} items`}
    />
    <KpiCard
      testId="kpi-ctr"
      label="Click-through rate"
      value={formatPercent(kpis.ctr, 2)}
      detail={`${formatInt(kpis.clicks)} clicks of ${formatInt(kpis.impressions)} impressions`}
    />
    <KpiCard
      testId="kpi-atc"
      label="Add-to-cart rate"
      value={formatPercent(kpis.add_to_cart_rate)}
      detail={`${formatInt(kpis.add_to_carts)} add to carts after a click`}
    />
    <KpiCard
      testId="kpi-conversion"
      label="Conversion rate"
      value={formatPercent(kpis.conversion_rate)}
      detail="attributed orders per click"
    />
    <KpiCard testId="kpi-served" label="Lists served" value={formatInt(kpis.served)} detail={`${formatInt(kpis.impressions)} impressions`} />
    <KpiCard testId="kpi-aov-with" label="AOV with recommendations" value={aov(kpis.aov_with_recommendations)} />
    <KpiCard testId="kpi-aov-without" label="AOV without recommendations" value={aov(kpis.aov_without_recommendations)} />
    <KpiCard
      testId="kpi-coverage"
      label="Catalogue coverage"
      value={formatPercent(kpis.coverage.share)}
      detail={`${formatInt(kpis.coverage.recommended_products)} of ${formatInt(kpis.coverage.catalog_products)} products recommended`}
    />
  </div>
)
