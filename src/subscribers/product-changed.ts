import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { mirrorProductsWorkflow } from "../workflows/mirror-products"

/** Keeps the product mirror (features the workers train on) in step with Medusa. */
export default async function mirrorProduct({ event, container }: SubscriberArgs<{ id: string }>) {
  await mirrorProductsWorkflow(container).run({ input: { product_ids: [event.data.id] } })
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
  context: { subscriberId: "reco-product-changed" },
}
