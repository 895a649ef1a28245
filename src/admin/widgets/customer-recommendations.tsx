import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Text } from "@medusajs/ui"
import { ErrorState } from "../components/common/error-state"
import { LoadingState } from "../components/common/loading-state"
import { SectionHeader } from "../components/common/section-header"
import { EraseBehaviourButton } from "../components/widgets/erase-behaviour-button"
import { IntentMeter } from "../components/widgets/intent-meter"
import { RecentEventsList } from "../components/widgets/recent-events-list"
import { RecommendedItemRow } from "../components/widgets/recommended-item-row"
import { useCustomerRecommendations } from "../hooks/use-widgets"
import { formatInt } from "../lib/format"
import { withRecoQueryClient } from "../lib/query-client"

/** Customer page: their for-you list, purchase intent, recent behaviour, and erasure. */
const CustomerRecommendationsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, error, isLoading } = useCustomerRecommendations(customer.id)
  return (
    <Container className="divide-y p-0" data-testid="reco-customer-widget">
      <SectionHeader
        title="Recommendations"
        description={data ? `${formatInt(data.event_count)} behaviour events recorded` : "Personal recommendations and behaviour"}
        actions={<EraseBehaviourButton customerId={customer.id} email={customer.email ?? null} />}
      />
      {error ? (
        <ErrorState error={error} what="the customer's recommendations" />
      ) : isLoading || !data ? (
        <LoadingState rows={4} />
      ) : (
        <>
          <div className="flex flex-col gap-y-2 px-6 py-4">
            <Text size="small" weight="plus" leading="compact">
              Purchase intent
            </Text>
            <IntentMeter intent={data.intent} />
          </div>
          <div className="flex flex-col py-2" data-testid="widget-for-you">
            <Text size="small" weight="plus" leading="compact" className="px-6 py-2">
              For you
            </Text>
            {data.for_you.length ? (
              data.for_you.map((item, i) => <RecommendedItemRow key={item.product_id} item={item} position={i} />)
            ) : (
              <Text size="small" className="text-ui-fg-muted px-6 py-2">
                No personal list yet: it is built at the next training from this customer's behaviour.
              </Text>
            )}
          </div>
          <div className="flex flex-col py-2">
            <Text size="small" weight="plus" leading="compact" className="px-6 py-2">
              Recent behaviour
            </Text>
            <RecentEventsList events={data.recent_events} />
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after", id: "medusa-plugin-recommendations:customer" })

export default withRecoQueryClient(CustomerRecommendationsWidget)
