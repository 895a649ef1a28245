import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

export type StoreFixture = {
  publishableKey: string
  salesChannelId: string
  otherSalesChannelId: string
  regionEur: { id: string }
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
    input: { regions: [{ name: "Europe", currency_code: "eur", countries: ["de", "fr"] }] },
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: Array.from({ length: productCount }, (_, i) => ({
        title: `Product ${i + 1}`,
        status: ProductStatus.PUBLISHED,
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
    regionEur: { id: regions[0]!.id },
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
