import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CAPTURE_FIELDS, type OrderRecord } from "../capture/medusa-records"
import { recordOrderPurchasesStep } from "./steps/record-order-purchases"

/** order.placed: one purchase event per line item, idempotent per (order, line item). */
export const captureOrderPurchasesWorkflow = createWorkflow(
  "reco-capture-order-purchases",
  (input: { order_id: string }) => {
    const { data } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_CAPTURE_FIELDS,
      filters: { id: input.order_id },
    })
    const orders = transform({ data }, ({ data }) => data as unknown[] as OrderRecord[])
    const result = recordOrderPurchasesStep({ orders, source: "subscriber" })
    return new WorkflowResponse(result)
  }
)
