import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_CAPTURE_FIELDS } from "../capture/medusa-records"
import { ORDER_ATTRIBUTION_FIELDS, type OrderRecordWithTotals } from "../capture/order-attribution"
import { attributeOrdersStep } from "./steps/attribute-orders"
import { recordOrderPurchasesStep } from "./steps/record-order-purchases"

/**
 * order.placed: one purchase event per line item, idempotent per (order, line item); then each
 * line is attributed to the recommendation that earned it, and the order joins the daily metrics.
 */
export const captureOrderPurchasesWorkflow = createWorkflow(
  "reco-capture-order-purchases",
  (input: { order_id: string }) => {
    const { data } = useQueryGraphStep({
      entity: "order",
      fields: [...ORDER_CAPTURE_FIELDS, ...ORDER_ATTRIBUTION_FIELDS],
      filters: { id: input.order_id },
    })
    const orders = transform({ data }, ({ data }) => data as unknown[] as OrderRecordWithTotals[])
    const result = recordOrderPurchasesStep({ orders, source: "subscriber" })
    const attribution = attributeOrdersStep({ orders })
    const response = transform({ result, attribution }, ({ result, attribution }) => ({ ...result, attribution }))
    return new WorkflowResponse(response)
  }
)
