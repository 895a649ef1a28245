import { prepareListQuery } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { listProductQueryConfig } from "@medusajs/medusa/api/store/products/query-config"
import { randomUUID } from "node:crypto"
import type RecommendationsModuleService from "../../modules/recommendations/service"
import type { Placement } from "../../serving/placements"
import type { Recommendation } from "../../serving/recommendation-engine"
import { ensureProductExists } from "./ensure-product"
import { checkAvailability } from "./product-availability"
import { hydrateProductsFor, type ProductContext, type StoreProduct } from "./product-hydration"
import { regionName } from "./region-names"
import type { Shopper } from "./resolve-shopper"
import { loadShopperCart } from "./shopper-cart"

export type PreviewInput = {
  placement: Placement
  /** The customer to answer for; null: a new anonymous shopper (no history). */
  customerId: string | null
  productId: string | null
  cartId: string | null
  /** Default: the cart's region, else the store's default region (as the store API does). */
  regionId: string | null
  /** Default: the store's default sales channel. */
  salesChannelId: string | null
  limit: number
  locale: string | null
}

export type Preview = { recommendation: Recommendation; products: StoreProduct[]; context: ProductContext }

/** Price fields added to Medusa's default store product fields, as the store API adds them for a region. */
const PREVIEW_FIELDS = "*variants.calculated_price"
let previewFields: Promise<string[]> | null = null

/** Medusa's default store product fields plus calculated prices, through Medusa's own field parser. */
function storeProductFields(): Promise<string[]> {
  previewFields ??= prepareListQuery({ fields: PREVIEW_FIELDS }, listProductQueryConfig).then((c) => c.remoteQueryConfig.fields)
  return previewFields
}

/**
 * What GET /store/recommendations answers for this shopper, region and sales channel, built the
 * way Medusa's store middlewares build a request's context (pricing with the customer's groups,
 * tax inclusivity of the region, cart region and shipping country), through the same engine,
 * rules, availability and product representation. It is not recorded in the served log.
 */
export async function previewRecommendations(
  scope: MedusaContainer,
  service: RecommendationsModuleService,
  input: PreviewInput
): Promise<Preview> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const defaults = await storeDefaults(scope)
  const salesChannelId = input.salesChannelId ?? defaults.salesChannelId
  if (!salesChannelId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The store has no default sales channel: pass sales_channel_id")
  }
  if (input.salesChannelId) await ensureExists(scope, "sales_channel", input.salesChannelId, "Sales channel")
  if (input.customerId) await ensureExists(scope, "customer", input.customerId, "Customer")

  const shopper: Shopper = input.customerId
    ? { actor: { type: "customer", id: input.customerId }, anonymousId: null, minted: false }
    : anonymousPreviewShopper()
  const cart = input.cartId ? await loadShopperCart(scope, input.cartId, shopper) : null
  if (input.productId) await ensureProductExists(scope, input.productId, await service.serving.catalog.snapshot())

  // Medusa's normalizeDataForContext: the cart's region wins, then the query's, then the store's.
  const regionId = cart?.regionId ?? input.regionId ?? defaults.regionId
  if (!regionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The store has no default region: pass region_id")
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "currency_code", "automatic_taxes"],
    filters: { id: regionId },
  })
  const region = regions[0] as { id: string; currency_code: string; automatic_taxes: boolean } | undefined
  if (!region) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Region with id ${regionId} was not found`)

  const context: ProductContext = {
    scope,
    fields: await storeProductFields(),
    pricingContext: await pricingContextOf(scope, region, input.customerId),
    taxContext: region.automatic_taxes
      ? {
          taxLineContext: await taxLinesOf(scope, input.cartId, input.locale),
          taxInclusivityContext: { automaticTaxes: region.automatic_taxes },
        }
      : null,
    locale: input.locale,
    salesChannelIds: [salesChannelId],
  }
  const recommendation = await service.serving.recommend(
    {
      placement: input.placement,
      actor: shopper.actor,
      productId: input.productId,
      cartProductIds: cart?.productIds ?? [],
      regionId,
      regionName: await regionName(scope, regionId),
      salesChannelIds: [salesChannelId],
      limit: input.limit,
      preview: true,
    },
    (ids) => checkAvailability(scope, ids, [salesChannelId], service.options.serving.availabilityCacheSeconds)
  )
  const products = await hydrateProductsFor(
    context,
    recommendation.items.map((i) => i.productId),
    service.serving.products
  )
  return { recommendation, products, context }
}

/** A shopper the store has never seen: what a first-time visitor gets. */
function anonymousPreviewShopper(): Shopper {
  return { actor: { type: "anonymous", id: `preview${randomUUID().replace(/-/g, "")}` }, anonymousId: null, minted: false }
}

async function storeDefaults(scope: MedusaContainer): Promise<{ regionId: string | null; salesChannelId: string | null }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["id", "default_region_id", "default_sales_channel_id"] })
  const store = data[0] as { default_region_id: string | null; default_sales_channel_id: string | null } | undefined
  return { regionId: store?.default_region_id ?? null, salesChannelId: store?.default_sales_channel_id ?? null }
}

async function ensureExists(scope: MedusaContainer, entity: string, id: string, what: string): Promise<void> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields: ["id"], filters: { id } })
  if (data.length === 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${what} with id ${id} was not found`)
}

/** Medusa's setPricingContext: region and currency, plus the customer's groups for a customer. */
async function pricingContextOf(
  scope: MedusaContainer,
  region: { id: string; currency_code: string },
  customerId: string | null
): Promise<Record<string, unknown>> {
  const pricing: Record<string, unknown> = { region_id: region.id, currency_code: region.currency_code }
  if (customerId) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "customer_group", fields: ["id"], filters: { customers: { id: customerId } } })
    pricing.customer = { groups: (data as Array<{ id: string }>).map((g) => ({ id: g.id })) }
  }
  return pricing
}

/** Medusa's setTaxContext: tax lines need a country, which a preview has only from a cart's shipping address. */
async function taxLinesOf(
  scope: MedusaContainer,
  cartId: string | null,
  locale: string | null
): Promise<{ address: { country_code: string; province_code?: string }; locale?: string } | undefined> {
  if (!cartId) return undefined
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "shipping_address.country_code", "shipping_address.province"],
    filters: { id: cartId },
  })
  const address = (data[0] as { shipping_address?: { country_code?: string | null; province?: string | null } | null } | undefined)
    ?.shipping_address
  if (!address?.country_code) return undefined
  return {
    address: { country_code: address.country_code, province_code: address.province ?? undefined },
    locale: locale ?? undefined,
  }
}
