import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { captureOrderPurchasesWorkflow } from "../workflows/capture-order-purchases"

export default async function recordOrderPurchases({ event, container }: SubscriberArgs<{ id: string }>) {
  await captureOrderPurchasesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "reco-order-placed" },
}
