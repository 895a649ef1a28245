import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { RECOMMENDATIONS_MODULE } from "../../src/modules/recommendations"
import type RecommendationsModuleService from "../../src/modules/recommendations/service"
import { ListWriter } from "../../src/training/list-writer"
import { activateRun, createRun, updateRun } from "../../src/training/model-runs"
import type { MerchantRuleInput } from "../../src/store/repositories/merchant-rules"
import { eventually } from "./eventually"
import { withPg } from "./reco-db"
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
 * The NOTIFY reaches this process's serving engine asynchronously, as it does in production;
 * by default this waits until the engine serves the new run, so the next request is
 * deterministic. Pass `awaitServing: false` to test that hand-over itself.
 */
export async function publishRun(
  container: MedusaContainer,
  kind: string,
  write: (writer: ListWriter) => Promise<void>,
  { awaitServing = true }: { awaitServing?: boolean } = {}
): Promise<string> {
  const service = recommendations(container)
  const dataSource = service.dataSource
  const run = await createRun(dataSource, { modelKind: kind, algorithm: `test-${kind}`, jobId: null, trigger: "cli" })
  const writer = new ListWriter(dataSource.manager, run.id)
  await write(writer)
  await writer.flush()
  await updateRun(dataSource, run.id, { status: "succeeded", finishedAt: new Date(), progress: 1 })
  await activateRun(dataSource, run.id)
  if (awaitServing) {
    await eventually(async () => {
      if ((await service.serving.runs.get(kind))?.id !== run.id) throw new Error(`run ${run.id} (${kind}) not served yet`)
    }, 10_000)
  }
  return run.id
}

/** Waits until the product subscribers have mirrored `count` products with their categories. */
export async function waitForCatalogMirror(dbUrl: string, count: number): Promise<void> {
  await eventually(async () => {
    const n = await withPg(
      dbUrl,
      async (c) =>
        (await c.query(`SELECT count(*)::int AS n FROM reco_product WHERE jsonb_array_length(category_ids) > 0`)).rows[0].n
    )
    if (n !== count) throw new Error(`${n} of ${count} products mirrored`)
  })
}

/** More published, always-buyable shoes in the Webshop channel (for diversity tests). */
export async function addShoes(container: MedusaContainer, catalog: ServingCatalog, handles: string[]): Promise<Product[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id"] })
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: handles.map((handle, i) => ({
        title: handle.split("-").map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" "),
        handle,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: profiles[0]!.id,
        category_ids: [catalog.shoesCategoryId],
        options: [{ title: "Size", values: ["One"] }],
        variants: [
          {
            title: "One",
            sku: `SKU-${handle}`,
            options: { Size: "One" },
            manage_inventory: false,
            prices: [
              { amount: 50 + i, currency_code: "eur" },
              { amount: 60 + i, currency_code: "usd" },
            ],
          },
        ],
        sales_channels: [{ id: catalog.salesChannelId }],
      })),
    },
  })
  const byHandle = new Map(result.map((p) => [p.handle, { id: p.id, title: p.title, variantId: p.variants![0]!.id }]))
  return handles.map((h) => byHandle.get(h)!)
}

/** Another storefront's publishable key, scoped to one sales channel (e.g. the Outlet). */
export async function createPublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: `Storefront ${salesChannelId}`, type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0]!.id, add: [salesChannelId] } })
  return result[0]!.token
}

/** A merchant rule through the module service (as the admin API does), with nulls by default. */
export function addRule(container: MedusaContainer, rule: Pick<MerchantRuleInput, "action" | "targetType" | "targetId"> & Partial<MerchantRuleInput>) {
  return recommendations(container).createMerchantRule({
    placement: null,
    position: null,
    weight: null,
    startsAt: null,
    endsAt: null,
    note: null,
    createdBy: "test",
    ...rule,
  })
}

export type RecoItem = {
  product: {
    id: string
    title: string
    variants?: Array<{ id: string; calculated_price?: { calculated_amount: number; currency_code: string } }>
  }
  score: number
  reason: { code: string; text: string; source_product_id?: string }
}
export type RecoBody = {
  recommendation_id: string
  placement: string
  model: { run_id: string; kind: string; algorithm: string } | null
  fallback: string | null
  items: RecoItem[]
  message?: string
}

/** GET /store/recommendations with the store's publishable key; any status is returned, not thrown. */
export function recommendationsClient(api: AxiosInstance, store: StoreFixture) {
  return async (params: Record<string, string | number>, headers: Record<string, string> = {}) => {
    const res = await api.get("/store/recommendations", {
      params,
      headers: { "x-publishable-api-key": store.publishableKey, ...headers },
      validateStatus: () => true,
    })
    return res as { status: number; data: RecoBody }
  }
}

export const idsOf = (body: RecoBody) => body.items.map((i) => i.product.id)
