import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setOrderPurchaseStatusStep } from "./steps/set-order-purchase-status"

/** order.canceled: the order's purchase events stop counting as purchases. */
export const cancelOrderPurchasesWorkflow = createWorkflow(
  "reco-cancel-order-purchases",
  (input: { order_id: string }) => {
    const result = setOrderPurchaseStatusStep({ order_id: input.order_id, status: "canceled" })
    return new WorkflowResponse(result)
  }
)
