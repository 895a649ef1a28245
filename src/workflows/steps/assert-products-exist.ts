import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ProductReference = { product_id?: string | null; variant_id?: string | null }

/**
 * Rejects a batch that names a product (or a variant of it) the store does not have,
 * before anything is written. Looks products up through Medusa's Query.
 */
export const assertProductsExistStep = createStep(
  "reco-assert-products-exist",
  async (input: { references: ProductReference[] }, { container }) => {
    const productIds = [...new Set(input.references.map((r) => r.product_id).filter((id): id is string => !!id))]
    if (productIds.length === 0) return new StepResponse(undefined)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "variants.id"],
      filters: { id: productIds },
    })
    const variantsOf = new Map<string, Set<string>>()
    for (const product of data as Array<{ id: string; variants?: Array<{ id: string } | null> | null }>) {
      variantsOf.set(product.id, new Set((product.variants ?? []).flatMap((v) => (v ? [v.id] : []))))
    }
    input.references.forEach((ref, index) => {
      if (!ref.product_id) return
      const variants = variantsOf.get(ref.product_id)
      if (!variants) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `events[${index}].product_id: product ${ref.product_id} does not exist`
        )
      }
      if (ref.variant_id && !variants.has(ref.variant_id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `events[${index}].variant_id: ${ref.variant_id} is not a variant of product ${ref.product_id}`
        )
      }
    })
    return new StepResponse(undefined)
  }
)
