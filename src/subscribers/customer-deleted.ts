import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eraseCustomerBehaviourWorkflow } from "../workflows/erase-customer-behaviour"

export default async function eraseCustomerBehaviour({ event, container }: SubscriberArgs<{ id: string }>) {
  await eraseCustomerBehaviourWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.deleted",
  context: { subscriberId: "reco-customer-deleted" },
}
