import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, isPresent, QueryContext } from "@medusajs/framework/utils"
import { wrapProductsWithTaxPrices } from "@medusajs/medusa/api/store/products/helpers"
import {
  prepareInventoryQuantityFields,
  wrapVariantsWithInventoryQuantityForSalesChannel,
} from "@medusajs/medusa/api/utils/middlewares/index"
import type { ProductResponseCache } from "../../serving/product-response-cache"

type StoreProduct = Record<string, unknown> & { id: string; variants?: Array<Record<string, unknown>> }

/** Medusa's setTaxContext middleware adds this to store requests. */
type StoreProductRequest = MedusaRequest & {
  taxContext?: { taxLineContext?: { address?: unknown }; taxInclusivityContext?: unknown }
}

/** Everything that changes how a product is represented to this request. */
function contextKeyOf(req: StoreProductRequest, salesChannelIds: string[]): string {
  return JSON.stringify([
    req.queryConfig.fields,
    req.pricingContext ?? null,
    req.taxContext?.taxLineContext?.address ?? null,
    req.taxContext?.taxInclusivityContext ?? null,
    req.locale ?? null,
    salesChannelIds,
  ])
}

/**
 * The products, in the given order, exactly as GET /store/products returns them for the same
 * `fields`, region and sales channel: the same Query call, calculated prices, inventory
 * quantities and tax-inclusive amounts, through Medusa's own helpers. Products already
 * represented for this context within the cache's TTL are reused.
 */
export async function hydrateProducts(
  req: StoreProductRequest,
  productIds: string[],
  salesChannelIds: string[],
  cache: ProductResponseCache
): Promise<StoreProduct[]> {
  if (productIds.length === 0) return []
  const contextKey = contextKeyOf(req, salesChannelIds)
  const { found, missing } = cache.lookup(contextKey, productIds)
  if (missing.length > 0) {
    const fetched = await fetchProducts(req, missing)
    cache.store(contextKey, fetched)
    for (const product of fetched) found.set(product.id, product)
  }
  return productIds.flatMap((id) => {
    const product = found.get(id) as StoreProduct | undefined
    return product ? [product] : []
  })
}

async function fetchProducts(req: MedusaRequest, productIds: string[]): Promise<StoreProduct[]> {
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
  return products
}
