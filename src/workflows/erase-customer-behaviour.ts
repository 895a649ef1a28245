import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { eraseCustomerBehaviourStep } from "./steps/erase-customer-behaviour"

/** customer.deleted: every plugin row about the customer is erased. */
export const eraseCustomerBehaviourWorkflow = createWorkflow(
  "reco-erase-customer-behaviour",
  (input: { customer_id: string }) => {
    const result = eraseCustomerBehaviourStep(input)
    return new WorkflowResponse(result)
  }
)
