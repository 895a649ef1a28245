import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Text } from "@medusajs/ui"
import { ErrorState } from "../components/common/error-state"
import { LoadingState } from "../components/common/loading-state"
import { SectionHeader } from "../components/common/section-header"
import { AttributionTable } from "../components/widgets/attribution-table"
import { useOrderAttribution } from "../hooks/use-widgets"
import { formatMoneyList } from "../lib/format"
import { withRecoQueryClient } from "../lib/query-client"

/** Order page: which items were earned by which recommendation. */
const OrderAttributionWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, error, isLoading } = useOrderAttribution(order.id)
  return (
    <Container className="divide-y p-0" data-testid="reco-order-widget">
      <SectionHeader
        title="Recommendation attribution"
        description={data?.attributions.length ? `Earned by recommendations: ${formatMoneyList(data.totals)}` : "Items bought after a recommendation"}
      />
      {error ? (
        <ErrorState error={error} what="the attribution" />
      ) : isLoading || !data ? (
        <LoadingState rows={2} />
      ) : data.attributions.length ? (
        <AttributionTable rows={data.attributions} />
      ) : (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          No item of this order was clicked or seen in a recommendation within the attribution window.
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after", id: "medusa-plugin-recommendations:order" })

export default withRecoQueryClient(OrderAttributionWidget)
