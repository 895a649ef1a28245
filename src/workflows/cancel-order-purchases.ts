import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderAttributionStep } from "./steps/cancel-order-attribution"
import { setOrderPurchaseStatusStep } from "./steps/set-order-purchase-status"

/** order.canceled: the order's purchase events stop counting as purchases; its attributions and metrics are reversed. */
export const cancelOrderPurchasesWorkflow = createWorkflow(
  "reco-cancel-order-purchases",
  (input: { order_id: string }) => {
    const result = setOrderPurchaseStatusStep({ order_id: input.order_id, status: "canceled" })
    const attribution = cancelOrderAttributionStep({ order_id: input.order_id })
    const response = transform({ result, attribution }, ({ result, attribution }) => ({ ...result, attribution }))
    return new WorkflowResponse(response)
  }
)
