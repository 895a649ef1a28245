import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createOrderFulfillmentWorkflow,
  createPromotionsWorkflow,
  createShippingOptionsWorkflow,
  receiveItemReturnRequestWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { writeSettings } from "../../src/store/repositories/settings"
import type { ListWriter } from "../../src/training/list-writer"
import { eventually } from "./eventually"
import { withPg } from "./reco-db"
import { publishRun, recommendations, type ServingCatalog } from "./serving-fixtures"
import type { Shopper } from "./store-http"

/** Shipping to the US in the serving catalogue's USD region (the store fixture ships only to de/fr in EUR). */
export async function enableUsdShipping(container: MedusaContainer, catalog: ServingCatalog): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: sets } = await query.graph({ entity: "fulfillment_set", fields: ["id"] })
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id"] })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [zone] = await fulfillment.createServiceZones([
    { name: "North America", fulfillment_set_id: sets[0]!.id, geo_zones: [{ country_code: "us", type: "country" }] },
  ])
  const { result } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "US Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zone!.id,
        shipping_profile_id: profiles[0]!.id,
        type: { label: "US Standard", description: "3-5 days", code: "us-standard" },
        prices: [
          { currency_code: "usd", amount: 7 },
          { region_id: catalog.regionUsd.id, amount: 7 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  return result[0]!.id
}

export type OrderPlan = {
  regionId: string
  countryCode: string
  shippingOptionId: string
  salesChannelId: string
  items: Array<{ variantId: string; quantity: number }>
  email: string
  metadata?: Record<string, string>
}

/** A full store-API checkout (cart, items, address, shipping, system payment, complete) as this shopper. */
export async function placeOrder(api: AxiosInstance, shopper: Shopper, plan: OrderPlan): Promise<string> {
  const headers = { headers: shopper.headers() }
  const { data: created } = await api.post(
    "/store/carts",
    { region_id: plan.regionId, sales_channel_id: plan.salesChannelId, metadata: plan.metadata },
    headers
  )
  const cartId = created.cart.id as string
  for (const item of plan.items) {
    await api.post(`/store/carts/${cartId}/line-items`, { variant_id: item.variantId, quantity: item.quantity }, headers)
  }
  const address = { first_name: "A", last_name: "B", address_1: "Main 1", city: "Town", country_code: plan.countryCode, postal_code: "10115" }
  await api.post(`/store/carts/${cartId}`, { email: plan.email, shipping_address: address, billing_address: address }, headers)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: plan.shippingOptionId }, headers)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
  if (data.type !== "order") throw new Error(`cart not completed: ${JSON.stringify(data.error ?? data)}`)
  return data.order.id as string
}

/** An EUR order in the serving catalogue (ships to Germany). */
export function eurOrder(catalog: ServingCatalog, email: string, items: OrderPlan["items"], metadata?: Record<string, string>): OrderPlan {
  return {
    regionId: catalog.regionEur.id,
    countryCode: "de",
    shippingOptionId: catalog.shippingOptionId,
    salesChannelId: catalog.salesChannelId,
    items,
    email,
    metadata,
  }
}

/** Publishes a model run's lists and waits until this process serves them (publishRun, then the NOTIFY). */
export async function publishServedRun(container: MedusaContainer, kind: string, write: (writer: ListWriter) => Promise<void>): Promise<string> {
  const runId = await publishRun(container, kind, write)
  const service = recommendations(container)
  await eventually(async () => {
    if ((await service.serving.runs.get(kind))?.id !== runId) throw new Error(`run ${runId} (${kind}) not served yet`)
  }, 10_000)
  return runId
}

/** Sets the attribution window the way the admin settings do. */
export async function setAttributionWindow(container: MedusaContainer, days: number): Promise<void> {
  await writeSettings(recommendations(container).dataSource, { attribution_window_days: days }, "test")
}

/** An automatic percentage discount on one product's lines. */
export async function discountProduct(container: MedusaContainer, productId: string, percent: number): Promise<void> {
  await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: `TEST${percent}`,
          type: "standard",
          status: "active",
          is_automatic: true,
          application_method: {
            type: "percentage",
            target_type: "items",
            allocation: "each",
            max_quantity: 100,
            value: percent,
            target_rules: [{ attribute: "items.product.id", operator: "in", values: [productId] }],
          },
        },
      ],
    },
  })
}

/** Waits until order.placed has been captured and attributed (the order's ledger row exists). */
export async function waitForOrderOutcome(dbUrl: string, orderId: string): Promise<void> {
  await eventually(async () => {
    const n = await withPg(dbUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM reco_order_outcome WHERE order_id = $1`, [orderId])).rows[0].n)
    if (n !== 1) throw new Error(`order ${orderId} not attributed yet`)
  }, 30_000)
}

/** Fulfils every unit of the given lines (Medusa only takes back what was fulfilled). */
export async function fulfil(container: MedusaContainer, orderId: string, items: Array<{ id: string; quantity: number }>): Promise<void> {
  await createOrderFulfillmentWorkflow(container).run({ input: { order_id: orderId, items } })
}

/**
 * A return received through Medusa's own return workflows: begin, request the items, confirm,
 * begin receiving, receive, confirm the receipt (which emits order.return_received).
 */
export async function returnItems(container: MedusaContainer, orderId: string, items: Array<{ id: string; quantity: number }>): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"] })
  const { result: change } = await beginReturnOrderWorkflow(container).run({ input: { order_id: orderId, location_id: locations[0]!.id } })
  const returnId = (change as { return_id: string }).return_id
  await requestItemReturnWorkflow(container).run({ input: { return_id: returnId, items } })
  await confirmReturnRequestWorkflow(container).run({ input: { return_id: returnId } })
  await beginReceiveReturnWorkflow(container).run({ input: { return_id: returnId } })
  await receiveItemReturnRequestWorkflow(container).run({ input: { return_id: returnId, items } })
  await confirmReturnReceiveWorkflow(container).run({ input: { return_id: returnId } })
  return returnId
}

/** The order's line ids by variant. */
export async function orderLines(container: MedusaContainer, orderId: string): Promise<Map<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.variant_id"], filters: { id: orderId } })
  const items = (data[0]?.items ?? []) as Array<{ id: string; variant_id: string }>
  return new Map(items.map((i) => [i.variant_id, i.id]))
}

/** Waits until the product subscribers have mirrored `count` products (titles for the admin API, the catalogue for coverage). */
export async function waitForMirror(dbUrl: string, count: number): Promise<void> {
  await eventually(async () => {
    const n = await withPg(dbUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM reco_product`)).rows[0].n)
    if (n !== count) throw new Error(`${n} of ${count} products mirrored`)
  })
}

/** GET /store/recommendations as this shopper; throws on anything but 200. */
export async function fetchList(api: AxiosInstance, shopper: Shopper, params: Record<string, string | number>) {
  const { data } = await api.get("/store/recommendations", { params, headers: shopper.headers() })
  return data as { recommendation_id: string; placement: string; model: { run_id: string } | null; items: Array<{ product: { id: string } }> }
}
