import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCT_MIRROR_FIELDS, type ProductRecord } from "../capture/product-record"
import { mirrorProductsStep } from "./steps/mirror-products"

/** product.created / updated / deleted: refresh the plugin's product mirror through Query. */
export const mirrorProductsWorkflow = createWorkflow("reco-mirror-products", (input: { product_ids: string[] }) => {
  const { data } = useQueryGraphStep({
    entity: "product",
    fields: PRODUCT_MIRROR_FIELDS,
    filters: { id: input.product_ids },
  })
  const products = transform({ data }, ({ data }) => data as unknown[] as ProductRecord[])
  const result = mirrorProductsStep({ product_ids: input.product_ids, products })
  return new WorkflowResponse(result)
})
