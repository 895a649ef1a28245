import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { RECOMMENDATIONS_MODULE } from "../../src/modules/recommendations"
import type RecommendationsModuleService from "../../src/modules/recommendations/service"
import { ListWriter } from "../../src/training/list-writer"
import { activateRun, createRun, updateRun } from "../../src/training/model-runs"
import { createStoreFixture, type StoreFixture } from "./store-fixtures"

type Product = { id: string; title: string; variantId: string }

/** Handles of the serving catalogue; each exists to exercise one rule. */
export const SERVING_HANDLES = [
  "trail-shoe",
  "road-shoe",
  "hiking-boot",
  "sandal",
  "espresso-cups",
  "mug",
  "teapot",
  "sold-out-kettle", // managed inventory, no stock
  "backorder-grinder", // managed inventory, no stock, backorders allowed
  "stocked-scale", // managed inventory, 5 in stock
  "outlet-jacket", // only in the Outlet channel
  "draft-hat", // draft
  "coffee-beans", // repeat purchase
] as const
export type ServingHandle = (typeof SERVING_HANDLES)[number]

export type ServingCatalog = StoreFixture & {
  regionUsd: { id: string }
  shoesCategoryId: string
  kitchenCategoryId: string
  kitchenCollectionId: string
  product: Record<ServingHandle, Product>
}

/**
 * A catalogue for serving tests on top of the store fixture: a second region in USD, two
 * categories, a collection, and products with prices in EUR and USD that each hit one rule.
 */
export async function createServingCatalog(container: MedusaContainer): Promise<ServingCatalog> {
  const store = await createStoreFixture(container, 0)
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "North America", currency_code: "usd", countries: ["us", "ca"], payment_providers: ["pp_system_default"] }] },
  })
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: [{ name: "Shoes", is_active: true }, { name: "Kitchen", is_active: true }] },
  })
  const [shoes, kitchen] = categories
  const { result: collections } = await createCollectionsWorkflow(container).run({
    input: { collections: [{ title: "Coffee corner", handle: "coffee-corner" }] },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id"] })

  const spec = (handle: ServingHandle, i: number) => {
    const isShoe = ["trail-shoe", "road-shoe", "hiking-boot", "sandal"].includes(handle)
    const managed = ["sold-out-kettle", "backorder-grinder", "stocked-scale"].includes(handle)
    return {
      title: handle
        .split("-")
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join(" "),
      handle,
      status: handle === "draft-hat" ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
      shipping_profile_id: profiles[0]!.id,
      category_ids: [isShoe ? shoes!.id : kitchen!.id],
      collection_id: ["espresso-cups", "mug", "coffee-beans"].includes(handle) ? collections[0]!.id : undefined,
      metadata: handle === "coffee-beans" ? { reco_repeat_purchase: true } : undefined,
      options: [{ title: "Size", values: ["One"] }],
      variants: [
        {
          title: "One",
          sku: `SKU-${handle}`,
          options: { Size: "One" },
          manage_inventory: managed,
          allow_backorder: handle === "backorder-grinder",
          prices: [
            { amount: 10 + i, currency_code: "eur" },
            { amount: 12 + i, currency_code: "usd" },
          ],
        },
      ],
      sales_channels: [{ id: handle === "outlet-jacket" ? store.otherSalesChannelId : store.salesChannelId }],
    }
  }
  const { result: created } = await createProductsWorkflow(container).run({
    input: { products: SERVING_HANDLES.map(spec) },
  })
  const product = Object.fromEntries(
    created.map((p) => [p.handle, { id: p.id, title: p.title, variantId: p.variants![0]!.id }])
  ) as Record<ServingHandle, Product>

  // Stock: managed variants get an inventory level at the channel's warehouse.
  const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: ["SKU-sold-out-kettle", "SKU-backorder-grinder", "SKU-stocked-scale"] },
  })
  const inventory = container.resolve(Modules.INVENTORY)
  await inventory.createInventoryLevels(
    variants.map((v) => ({
      inventory_item_id: (v.inventory_items as Array<{ inventory_item_id: string }>)[0]!.inventory_item_id,
      location_id: locations[0]!.id,
      stocked_quantity: v.sku === "SKU-stocked-scale" ? 5 : 0,
    }))
  )
  return {
    ...store,
    regionUsd: { id: regions[0]!.id },
    shoesCategoryId: shoes!.id,
    kitchenCategoryId: kitchen!.id,
    kitchenCollectionId: collections[0]!.id,
    product,
  }
}

export function recommendations(container: MedusaContainer): RecommendationsModuleService {
  return container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
}

/**
 * Publishes a model run's lists the way training does (ListWriter under a new run id, then
 * activation with its NOTIFY), so serving is tested against the real write and switch path.
 */
export async function publishRun(
  container: MedusaContainer,
  kind: string,
  write: (writer: ListWriter) => Promise<void>
): Promise<string> {
  const dataSource = recommendations(container).dataSource
  const run = await createRun(dataSource, { modelKind: kind, algorithm: `test-${kind}`, jobId: null, trigger: "cli" })
  const writer = new ListWriter(dataSource.manager, run.id)
  await write(writer)
  await writer.flush()
  await updateRun(dataSource, run.id, { status: "succeeded", finishedAt: new Date(), progress: 1 })
  await activateRun(dataSource, run.id)
  return run.id
}
