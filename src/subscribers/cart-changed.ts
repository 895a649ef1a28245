import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncCartBehaviourWorkflow } from "../workflows/sync-cart-behaviour"

/** Every cart change, including the hand-over of a guest cart to a customer, is one diff. */
export default async function syncCartBehaviour({ event, container }: SubscriberArgs<{ id: string }>) {
  await syncCartBehaviourWorkflow(container).run({ input: { cart_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_transferred"],
  context: { subscriberId: "reco-cart-changed" },
}
