import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  getVariantAvailability,
  isPresent,
  MedusaError,
  QueryContext,
} from "@medusajs/framework/utils"
import { wrapProductsWithTaxPrices } from "@medusajs/medusa/api/store/products/helpers"
import {
  prepareInventoryQuantityFields,
  wrapVariantsWithInventoryQuantityForSalesChannel,
} from "@medusajs/medusa/api/utils/middlewares/index"
import type { ProductResponseCache } from "../../serving/product-response-cache"

export type StoreProduct = Record<string, unknown> & { id: string; variants?: Array<Record<string, unknown>> }

/** What Medusa's setTaxContext middleware puts on a store request (absent without automatic taxes). */
export type TaxContext = {
  taxLineContext?: { address?: unknown; locale?: string }
  taxInclusivityContext?: { automaticTaxes?: boolean }
}

/** Medusa's setTaxContext middleware adds this to store requests. */
type StoreProductRequest = MedusaRequest & { taxContext?: TaxContext }

/**
 * Everything that changes how a product is represented: the Query fields, the pricing context
 * (region, currency, customer groups), the tax context, the locale and the sales channels.
 * A store request carries it through Medusa's middlewares; an admin preview builds it itself.
 */
export type ProductContext = {
  scope: MedusaContainer
  fields: string[]
  pricingContext: Record<string, unknown> | null
  taxContext: TaxContext | null
  locale: string | null
  salesChannelIds: string[]
  /** The store request the context was read from, for Medusa's request-based helpers. */
  request?: StoreProductRequest
}

/** The representation context of a store request that went through Medusa's store product middlewares. */
export function productContextOf(req: StoreProductRequest, salesChannelIds: string[]): ProductContext {
  return {
    scope: req.scope,
    fields: req.queryConfig.fields,
    pricingContext: (req.pricingContext as Record<string, unknown> | undefined) ?? null,
    taxContext: req.taxContext ?? null,
    locale: req.locale ?? null,
    salesChannelIds,
    request: req,
  }
}

/** Everything that changes how a product is represented to this context. */
function contextKeyOf(context: ProductContext): string {
  return JSON.stringify([
    context.fields,
    context.pricingContext ?? null,
    context.taxContext?.taxLineContext?.address ?? null,
    context.taxContext?.taxInclusivityContext ?? null,
    context.locale ?? null,
    context.salesChannelIds,
  ])
}

/**
 * The products, in the given order, exactly as GET /store/products returns them for the same
 * `fields`, region and sales channel: the same Query call, calculated prices, inventory
 * quantities and tax-inclusive amounts, through Medusa's own helpers. Products already
 * represented for this context within the cache's TTL are reused.
 */
export function hydrateProducts(
  req: StoreProductRequest,
  productIds: string[],
  salesChannelIds: string[],
  cache: ProductResponseCache
): Promise<StoreProduct[]> {
  return hydrateProductsFor(productContextOf(req, salesChannelIds), productIds, cache)
}

/** hydrateProducts for an explicit context (no store request), e.g. the admin preview. */
export async function hydrateProductsFor(
  context: ProductContext,
  productIds: string[],
  cache: ProductResponseCache
): Promise<StoreProduct[]> {
  if (productIds.length === 0) return []
  const contextKey = contextKeyOf(context)
  const { found, missing } = cache.lookup(contextKey, productIds)
  if (missing.length > 0) {
    const fetched = await fetchProducts(context, missing)
    cache.store(contextKey, fetched)
    for (const product of fetched) found.set(product.id, product)
  }
  return productIds.flatMap((id) => {
    const product = found.get(id) as StoreProduct | undefined
    return product ? [product] : []
  })
}

async function fetchProducts(context: ProductContext, productIds: string[]): Promise<StoreProduct[]> {
  const query = context.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, withInventoryQuantity } = prepareInventoryQuantityFields(context.fields, { relation: "variants" })
  const queryContext: Record<string, Record<string, unknown>> = {}
  if (isPresent(context.pricingContext)) {
    queryContext.variants = { calculated_price: QueryContext(context.pricingContext as Record<string, unknown>) }
  }
  const { data } = await query.graph(
    { entity: "product", fields, filters: { id: productIds }, context: queryContext },
    { locale: context.locale ?? undefined }
  )
  const products = data as StoreProduct[]
  if (withInventoryQuantity) {
    const variants = products.flatMap((p) => (p.variants ?? []) as never[])
    if (context.request) {
      await wrapVariantsWithInventoryQuantityForSalesChannel(
        context.request as Parameters<typeof wrapVariantsWithInventoryQuantityForSalesChannel>[0],
        variants
      )
    } else {
      await wrapInventoryQuantity(context, variants)
    }
  }
  await wrapProductsWithTaxPrices(
    (context.request ?? { scope: context.scope, taxContext: context.taxContext ?? undefined, locale: context.locale ?? undefined }) as Parameters<
      typeof wrapProductsWithTaxPrices
    >[0],
    products as never[]
  )
  return products
}

/** Medusa's inventory_quantity for one sales channel, as its store helper computes it. */
async function wrapInventoryQuantity(
  context: ProductContext,
  variants: Array<{ id?: string; manage_inventory?: boolean; inventory_quantity?: number | null }>
): Promise<void> {
  if (context.salesChannelIds.length !== 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Inventory availability cannot be calculated in the given context. Either provide a single sales channel id or configure a single sales channel in the publishable key"
    )
  }
  const wrapped = variants.filter((v) => !!v?.id)
  if (wrapped.length === 0) return
  const availability = await getVariantAvailability(context.scope.resolve(ContainerRegistrationKeys.QUERY), {
    variant_ids: wrapped.map((v) => v.id!),
    sales_channel_id: context.salesChannelIds[0]!,
  })
  for (const variant of wrapped) {
    if (variant.manage_inventory) variant.inventory_quantity = availability[variant.id!]?.availability
  }
}
