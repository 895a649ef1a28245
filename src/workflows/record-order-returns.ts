import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderRecordWithTotals } from "../capture/order-attribution"
import { recordOrderReturnsStep } from "./steps/record-order-returns"

/**
 * order.return_received: reads how many units of each line have come back so far (Medusa's
 * received plus dismissed quantities, over every return of the order), so the step reverses
 * exactly what is new, whichever return (or replay) the event came from.
 */
export const recordOrderReturnsWorkflow = createWorkflow(
  "reco-record-order-returns",
  (input: { order_id: string; return_id?: string }) => {
    const { data } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "items.id",
        "items.quantity",
        "items.detail.quantity",
        "items.detail.return_received_quantity",
        "items.detail.return_dismissed_quantity",
      ],
      filters: { id: input.order_id },
    })
    const orders = transform({ data }, ({ data }) => data as unknown[] as OrderRecordWithTotals[])
    const result = recordOrderReturnsStep({ orders })
    return new WorkflowResponse(result)
  }
)
