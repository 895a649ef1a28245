import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CART_CAPTURE_FIELDS, type CartRecord } from "../capture/medusa-records"
import { syncCartStep } from "./steps/sync-cart"

/**
 * cart.created / cart.updated / cart.customer_transferred: diff the cart against its last
 * snapshot into cart_add / cart_remove events; a cart that gained a customer merges its
 * anonymous history into them.
 */
export const syncCartBehaviourWorkflow = createWorkflow(
  "reco-sync-cart-behaviour",
  (input: { cart_id: string }) => {
    const { data } = useQueryGraphStep({
      entity: "cart",
      fields: CART_CAPTURE_FIELDS,
      filters: { id: input.cart_id },
    })
    const carts = transform({ data }, ({ data }) => data as unknown[] as CartRecord[])
    const result = syncCartStep({ carts })
    return new WorkflowResponse(result)
  }
)
