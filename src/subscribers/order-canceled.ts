import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOrderPurchasesWorkflow } from "../workflows/cancel-order-purchases"

export default async function cancelOrderPurchases({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelOrderPurchasesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "reco-order-canceled" },
}
