import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assertProductsExistStep } from "./steps/assert-products-exist"
import { type RecordStorefrontEventsInput, recordStorefrontEventsStep } from "./steps/record-storefront-events"

/** Validates a storefront batch against the catalogue, then stores it atomically. */
export const recordStorefrontEventsWorkflow = createWorkflow(
  "reco-record-storefront-events",
  (input: RecordStorefrontEventsInput) => {
    const references = transform({ input }, ({ input }) =>
      input.events.map((e) => ({ product_id: e.product_id, variant_id: e.variant_id }))
    )
    assertProductsExistStep({ references })
    const result = recordStorefrontEventsStep(input)
    return new WorkflowResponse(result)
  }
)
