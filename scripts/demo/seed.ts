/**
 * Seeds the demo store with Medusa's own workflows, the way Medusa's starter seed does:
 * store currencies, two regions (Europe / EUR and North America / USD) with tax regions,
 * a warehouse linked to the manual fulfillment provider, a fulfillment set with one service
 * zone and two shipping options, a publishable key on the default sales channel, categories,
 * collections, types, tags, 168 products with variants, prices and inventory levels.
 *
 * Run by scripts/demo.mjs as `medusa exec ../scripts/demo/seed.ts` in demo/. Idempotent:
 * a store whose metadata carries `reco_demo_seeded_at` is left alone, and every step looks
 * for what an interrupted earlier run already created before creating it.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCollectionsWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createProductTagsWorkflow,
  createProductTypesWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { buildCatalog, CATEGORIES, COLLECTIONS, PARENT_CATEGORIES, STORE_NAME, TAGS } from "./catalog"

export const SEED_MARKER = "reco_demo_seeded_at"
export const PUBLISHABLE_KEY_TITLE = "Reco demo storefront"
const WAREHOUSE_NAME = "Rotterdam Warehouse"
const FULFILLMENT_SET_NAME = "Rotterdam Warehouse shipping"

const REGIONS = [
  {
    name: "Europe",
    currency_code: "eur",
    countries: ["de", "fr", "es", "it", "nl"],
    vat: { de: 19, fr: 20, es: 21, it: 22, nl: 21 } as Record<string, number>,
  },
  {
    name: "North America",
    currency_code: "usd",
    countries: ["us", "ca"],
    vat: {} as Record<string, number>,
  },
]

const SHIPPING_OPTIONS = [
  { name: "Standard Shipping", code: "standard", label: "Standard", description: "Delivered in 2-4 business days.", eur: 4.95, usd: 5.95 },
  { name: "Express Shipping", code: "express", label: "Express", description: "Delivered next business day.", eur: 12.95, usd: 14.95 },
]

const PRODUCT_BATCH = 24

export default async function seedDemoStore({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)
  const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const productModule = container.resolve(Modules.PRODUCT)
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const promotionModule = container.resolve(Modules.PROMOTION)

  const started = Date.now()
  const [store] = await storeModule.listStores({}, { take: 1 })
  if (!store) throw new Error("No store found: did `medusa db:migrate` run?")
  if (store.metadata && store.metadata[SEED_MARKER]) {
    logger.info(`Demo store already seeded at ${String(store.metadata[SEED_MARKER])}; nothing to do.`)
    return
  }

  // ------------------------------------------------------------ sales channel, currencies
  let salesChannelId = store.default_sales_channel_id ?? null
  if (!salesChannelId) {
    const existing = await salesChannelModule.listSalesChannels({ name: "Default Sales Channel" })
    salesChannelId =
      existing[0]?.id ??
      (
        await createSalesChannelsWorkflow(container).run({
          input: { salesChannelsData: [{ name: "Default Sales Channel" }] },
        })
      ).result[0]!.id
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        supported_currencies: [
          { currency_code: "eur", is_default: true, is_tax_inclusive: true },
          { currency_code: "usd" },
        ],
        default_sales_channel_id: salesChannelId,
      },
    },
  })
  logger.info("Store currencies set (EUR default, USD).")

  // ------------------------------------------------------------ regions and taxes
  const regionIds: Record<string, string> = {}
  for (const spec of REGIONS) {
    const [existing] = await regionModule.listRegions({ name: spec.name })
    if (existing) {
      regionIds[spec.currency_code] = existing.id
      continue
    }
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: spec.name,
            currency_code: spec.currency_code,
            countries: spec.countries,
            payment_providers: ["pp_system_default"],
            automatic_taxes: true,
          },
        ],
      },
    })
    regionIds[spec.currency_code] = result[0]!.id
  }
  const existingTaxRegions = await taxModule.listTaxRegions({}, { take: 1000 })
  const taxedCountries = new Set(existingTaxRegions.map((t) => t.country_code))
  const taxInput = REGIONS.flatMap((spec) =>
    spec.countries
      .filter((country) => !taxedCountries.has(country))
      .map((country) => ({
        country_code: country,
        provider_id: "tp_system",
        ...(spec.vat[country] !== undefined
          ? { default_tax_rate: { name: `${country.toUpperCase()} VAT`, code: `vat-${country}`, rate: spec.vat[country]! } }
          : {}),
      }))
  )
  if (taxInput.length > 0) {
    await createTaxRegionsWorkflow(container).run({ input: taxInput })
  }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_region_id: regionIds.eur } },
  })
  logger.info("Regions Europe (EUR) and North America (USD) with tax regions ready.")

  // ------------------------------------------------------------ warehouse and shipping
  let [location] = await stockLocationModule.listStockLocations({ name: WAREHOUSE_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: WAREHOUSE_NAME,
            address: { address_1: "Waalhaven Zuidzijde 21", city: "Rotterdam", postal_code: "3089 JH", country_code: "NL" },
          },
        ],
      },
    })
    location = result[0]!
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
  }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: location.id } },
  })

  let [shippingProfile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]!
  }

  let [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
    { name: FULFILLMENT_SET_NAME },
    { relations: ["service_zones"] }
  )
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
      service_zones: [
        {
          name: "Europe and North America",
          geo_zones: REGIONS.flatMap((r) => r.countries).map((country_code) => ({ country_code, type: "country" as const })),
        },
      ],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }
  const serviceZoneId = fulfillmentSet.service_zones[0]!.id
  const existingOptions = await fulfillmentModule.listShippingOptions({ service_zone: { id: serviceZoneId } })
  const existingOptionNames = new Set(existingOptions.map((o) => o.name))
  const optionsToCreate = SHIPPING_OPTIONS.filter((o) => !existingOptionNames.has(o.name))
  if (optionsToCreate.length > 0) {
    await createShippingOptionsWorkflow(container).run({
      input: optionsToCreate.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: serviceZoneId,
        shipping_profile_id: shippingProfile!.id,
        type: { label: o.label, description: o.description, code: o.code },
        prices: [
          { currency_code: "eur", amount: o.eur },
          { currency_code: "usd", amount: o.usd },
          { region_id: regionIds.eur!, amount: o.eur },
          { region_id: regionIds.usd!, amount: o.usd },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannelId] },
  })
  logger.info(`Warehouse "${WAREHOUSE_NAME}" with standard and express shipping ready.`)

  // ------------------------------------------------------------ publishable key
  let [apiKey] = await apiKeyModule.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    apiKey = result[0]!
  }
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannelId] } })

  // ------------------------------------------------------------ taxonomy
  const typeIds = new Map((await productModule.listProductTypes({}, { take: 1000 })).map((t) => [t.value, t.id]))
  const wantedTypes = [...new Set(CATEGORIES.map((c) => c.type))].filter((t) => !typeIds.has(t))
  if (wantedTypes.length > 0) {
    const { result } = await createProductTypesWorkflow(container).run({
      input: { product_types: wantedTypes.map((value) => ({ value })) },
    })
    for (const t of result) typeIds.set(t.value, t.id)
  }
  const tagIds = new Map((await productModule.listProductTags({}, { take: 1000 })).map((t) => [t.value, t.id]))
  const wantedTags = TAGS.filter((t) => !tagIds.has(t))
  if (wantedTags.length > 0) {
    const { result } = await createProductTagsWorkflow(container).run({
      input: { product_tags: wantedTags.map((value) => ({ value })) },
    })
    for (const t of result) tagIds.set(t.value, t.id)
  }

  const categoryIds = new Map(
    (await productModule.listProductCategories({}, { take: 1000 })).map((c) => [c.handle, c.id])
  )
  const missingParents = PARENT_CATEGORIES.filter((p) => !categoryIds.has(p.handle))
  if (missingParents.length > 0) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missingParents.map((p) => ({
          name: p.name,
          handle: p.handle,
          description: p.description,
          is_active: true,
        })),
      },
    })
    for (const c of result) categoryIds.set(c.handle, c.id)
  }
  const missingLeaves = CATEGORIES.filter((c) => !categoryIds.has(c.handle))
  if (missingLeaves.length > 0) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missingLeaves.map((c) => ({
          name: c.name,
          handle: c.handle,
          description: c.description,
          is_active: true,
          parent_category_id: categoryIds.get(c.parent)!,
        })),
      },
    })
    for (const c of result) categoryIds.set(c.handle, c.id)
  }

  const collectionIds = new Map(
    (await productModule.listProductCollections({}, { take: 1000 })).map((c) => [c.handle, c.id])
  )
  const missingCollections = COLLECTIONS.filter((c) => !collectionIds.has(c.handle))
  if (missingCollections.length > 0) {
    const { result } = await createCollectionsWorkflow(container).run({
      input: { collections: missingCollections.map((c) => ({ title: c.title, handle: c.handle })) },
    })
    for (const c of result) collectionIds.set(c.handle, c.id)
  }
  logger.info(
    `Taxonomy ready: ${categoryIds.size} categories, ${collectionIds.size} collections, ${typeIds.size} types, ${tagIds.size} tags.`
  )

  // ------------------------------------------------------------ products
  const catalog = buildCatalog()
  const existingHandles = new Set(
    (await productModule.listProducts({ handle: catalog.map((p) => p.handle) }, { select: ["handle"], take: 10_000 })).map(
      (p) => p.handle
    )
  )
  const toCreate = catalog.filter((p) => !existingHandles.has(p.handle))
  for (let i = 0; i < toCreate.length; i += PRODUCT_BATCH) {
    const batch = toCreate.slice(i, i + PRODUCT_BATCH)
    await createProductsWorkflow(container).run({
      input: {
        products: batch.map((p) => ({
          title: p.title,
          subtitle: p.subtitle,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          weight: p.weight,
          material: p.material,
          category_ids: [categoryIds.get(p.category)!],
          collection_id: collectionIds.get(p.collection)!,
          type_id: typeIds.get(p.type)!,
          tag_ids: p.tags.map((t) => tagIds.get(t)!),
          shipping_profile_id: shippingProfile!.id,
          sales_channels: [{ id: salesChannelId! }],
          metadata: { reco_demo_stock_plan: p.stockPlan },
          options: p.options,
          variants: p.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            options: v.options,
            manage_inventory: true,
            allow_backorder: v.allowBackorder,
            prices: [
              { amount: v.prices.eur, currency_code: "eur" },
              { amount: v.prices.usd, currency_code: "usd" },
            ],
          })),
        })),
      },
    })
    logger.info(`Products: ${Math.min(i + PRODUCT_BATCH, toCreate.length)}/${toCreate.length} created.`)
  }

  // ------------------------------------------------------------ inventory levels
  const stockBySku = new Map(catalog.flatMap((p) => p.variants.map((v) => [v.sku, v.stock] as const)))
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: [...stockBySku.keys()] },
  })
  const stocked = new Set(
    (await inventoryModule.listInventoryLevels({ location_id: location.id }, { select: ["inventory_item_id"], take: 100_000 })).map(
      (l) => l.inventory_item_id
    )
  )
  const levels = variants.flatMap((variant) => {
    const itemId = variant.inventory_items?.[0]?.inventory_item_id
    if (!itemId || stocked.has(itemId) || !variant.sku) return []
    return [{ inventory_item_id: itemId, location_id: location!.id, stocked_quantity: stockBySku.get(variant.sku) ?? 0 }]
  })
  for (let i = 0; i < levels.length; i += 200) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels.slice(i, i + 200) } })
  }
  logger.info(`Inventory levels set for ${levels.length} variants at ${WAREHOUSE_NAME}.`)

  // ------------------------------------------------------------ promotions
  // A few live promotions, so GET /store/recommendations/promotions has something to fit to shoppers.
  const categoryRule = (handles: string[]) => ({
    attribute: "items.product.categories.id",
    operator: "in" as const,
    values: handles.map((h) => categoryIds.get(h)!),
  })
  const promotions = [
    { code: "BREW15", is_automatic: true, value: 15, rule: categoryRule(["coffee-tea"]) },
    { code: "TRAIL10", is_automatic: false, value: 10, rule: categoryRule(["boots", "camping"]) },
    { code: "COZY20", is_automatic: false, value: 20, rule: categoryRule(["knitwear", "outerwear"]) },
  ]
  const existingCodes = new Set((await promotionModule.listPromotions({ code: [...promotions.map((p) => p.code), "WELCOME5"] })).map((p) => p.code))
  const newPromotions = [
    ...promotions
      .filter((p) => !existingCodes.has(p.code))
      .map((p) => ({
        code: p.code,
        type: "standard" as const,
        status: "active" as const,
        is_automatic: p.is_automatic,
        application_method: { type: "percentage" as const, target_type: "items" as const, allocation: "across" as const, value: p.value, target_rules: [p.rule] },
      })),
    ...(existingCodes.has("WELCOME5")
      ? []
      : [
          {
            code: "WELCOME5",
            type: "standard" as const,
            status: "active" as const,
            application_method: { type: "fixed" as const, target_type: "order" as const, allocation: "across" as const, value: 5, currency_code: "eur" },
          },
        ]),
  ]
  if (newPromotions.length > 0) {
    await createPromotionsWorkflow(container).run({ input: { promotionsData: newPromotions } })
  }
  logger.info(`Promotions: ${newPromotions.length} created (${existingCodes.size} already there).`)

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { metadata: { ...(store.metadata ?? {}), [SEED_MARKER]: new Date().toISOString() } },
    },
  })
  logger.info(`Demo store seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}
