import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderReturnsWorkflow } from "../workflows/record-order-returns"

export default async function recordOrderReturns({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await recordOrderReturnsWorkflow(container).run({ input: { order_id: event.data.order_id, return_id: event.data.return_id } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "reco-order-return-received" },
}
