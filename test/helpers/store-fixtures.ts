import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"

export type StoreFixture = {
  publishableKey: string
  salesChannelId: string
  otherSalesChannelId: string
  regionEur: { id: string }
  shippingOptionId: string
  products: Array<{ id: string; title: string; variants: Array<{ id: string; sku: string }> }>
}

/**
 * A minimal real catalogue: two sales channels, a publishable key on the first, one EUR
 * region and a few products with variants and prices. Built with Medusa's own workflows.
 */
export async function createStoreFixture(container: MedusaContainer, productCount = 3): Promise<StoreFixture> {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }, { name: "Outlet" }] },
  })
  const [web, outlet] = channels
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
  })
  const key = keys[0]!
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [web!.id] } })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "Europe", currency_code: "eur", countries: ["de", "fr"], payment_providers: ["pp_system_default"] }],
    },
  })
  const region = regions[0]!

  // Fulfillment: a warehouse serving the sales channel, shipping to the region's countries.
  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  })
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Warehouse", address: { city: "Berlin", country_code: "DE", address_1: "Main 1" } }] },
  })
  const location = locations[0]!
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [web!.id] } })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Warehouse delivery",
    type: "shipping",
    service_zones: [
      {
        name: "Europe",
        geo_zones: [
          { country_code: "de", type: "country" },
          { country_code: "fr", type: "country" },
        ],
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  const { result: shippingOptions } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0]!.id,
        shipping_profile_id: profiles[0]!.id,
        type: { label: "Standard", description: "2-3 days", code: "standard" },
        prices: [
          { currency_code: "eur", amount: 5 },
          { region_id: region.id, amount: 5 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: Array.from({ length: productCount }, (_, i) => ({
        title: `Product ${i + 1}`,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profiles[0]!.id,
        options: [{ title: "Size", values: ["S", "M"] }],
        variants: ["S", "M"].map((size) => ({
          title: size,
          sku: `P${i + 1}-${size}`,
          options: { Size: size },
          manage_inventory: false,
          prices: [{ amount: 10 * (i + 1), currency_code: "eur" }],
        })),
        sales_channels: [{ id: web!.id }],
      })),
    },
  })
  return {
    publishableKey: key.token,
    salesChannelId: web!.id,
    otherSalesChannelId: outlet!.id,
    regionEur: { id: region.id },
    shippingOptionId: shippingOptions[0]!.id,
    products: products.map((p) => ({
      id: p.id,
      title: p.title,
      variants: (p.variants ?? []).map((v) => ({ id: v.id, sku: v.sku ?? "" })),
    })),
  }
}

export function query(container: MedusaContainer) {
  return container.resolve(ContainerRegistrationKeys.QUERY)
}

export { Modules }
