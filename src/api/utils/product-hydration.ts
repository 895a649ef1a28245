import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, isPresent, QueryContext } from "@medusajs/framework/utils"
import { wrapProductsWithTaxPrices } from "@medusajs/medusa/api/store/products/helpers"
import {
  prepareInventoryQuantityFields,
  wrapVariantsWithInventoryQuantityForSalesChannel,
} from "@medusajs/medusa/api/utils/middlewares/index"

type StoreProduct = Record<string, unknown> & { id: string; variants?: Array<Record<string, unknown>> }

/**
 * The products, in the given order, exactly as GET /store/products returns them for the same
 * `fields`, region and sales channel: the same Query call, calculated prices, inventory
 * quantities and tax-inclusive amounts, through Medusa's own helpers.
 */
export async function hydrateProducts(req: MedusaRequest, productIds: string[]): Promise<StoreProduct[]> {
  if (productIds.length === 0) return []
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, withInventoryQuantity } = prepareInventoryQuantityFields(req.queryConfig.fields, { relation: "variants" })
  const context: Record<string, Record<string, unknown>> = {}
  if (isPresent(req.pricingContext)) {
    context.variants = { calculated_price: QueryContext(req.pricingContext as Record<string, unknown>) }
  }
  const { data } = await query.graph(
    { entity: "product", fields, filters: { id: productIds }, context },
    { locale: req.locale }
  )
  const products = data as StoreProduct[]
  if (withInventoryQuantity) {
    await wrapVariantsWithInventoryQuantityForSalesChannel(
      req as Parameters<typeof wrapVariantsWithInventoryQuantityForSalesChannel>[0],
      products.flatMap((p) => (p.variants ?? []) as never[])
    )
  }
  await wrapProductsWithTaxPrices(req as Parameters<typeof wrapProductsWithTaxPrices>[0], products as never[])
  const byId = new Map(products.map((p) => [p.id, p]))
  return productIds.flatMap((id) => {
    const product = byId.get(id)
    return product ? [product] : []
  })
}
