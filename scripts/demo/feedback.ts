/**
 * The feedback phase of `npm run demo`, after the models are trained: shoppers from the live
 * phase come back, see the plugin's real recommendations (for_you, then related on a product
 * they open), the storefront reports impressions and clicks with each list's recommendation_id,
 * and some of them buy what they clicked. Those orders are what the admin's attribution shows.
 */
import type { HttpTypes } from "@medusajs/framework/types"
import type { RecommendationsResponse } from "../../src/client"
import { Rng } from "./prng"
import { StoreClient, type RecoStorefrontEvent, type ShopperAuth } from "../lib/store-client"
import { loadWorld, makeShoppers, type Shopper } from "./world"

export type FeedbackOptions = {
  baseUrl: string
  publishableKey: string
  seed: number
  /** How many of the live phase's shoppers come back (anonymous ones, so their history is theirs). */
  shoppers: number
  liveShoppers: number
  registeredShare: number
  log: (line: string) => void
}

export type FeedbackResult = { shoppers: number; lists: number; impressions: number; clicks: number; orders: number; errors: string[] }

type ListItem = { product: { id: string; title?: string; variants?: Array<{ id: string; manage_inventory?: boolean; inventory_quantity?: number; allow_backorder?: boolean }> } }

const FIELDS = "id,title,*variants"

export async function runFeedback(options: FeedbackOptions): Promise<FeedbackResult> {
  const client = new StoreClient(options.baseUrl, options.publishableKey)
  const world = await loadWorld(client, options.seed)
  // The same shoppers as the live phase (same seed and tag), so they have history and for-you lists.
  const returning = makeShoppers(world, options.liveShoppers, options.seed, options.registeredShare, "live")
    .filter((s) => !s.registered)
    .slice(0, options.shoppers)
  const result: FeedbackResult = { shoppers: returning.length, lists: 0, impressions: 0, clicks: 0, orders: 0, errors: [] }
  const rng = new Rng(`feedback:${options.seed}`)
  for (const shopper of returning) {
    try {
      await visit(client, shopper, rng, result)
    } catch (e) {
      if (result.errors.length < 10) result.errors.push(e instanceof Error ? e.message : String(e))
    }
  }
  options.log(
    `${result.shoppers} returning shoppers saw ${result.lists} recommendation lists (${result.impressions} impressions), ` +
      `clicked ${result.clicks} times and placed ${result.orders} orders with recommended products.`
  )
  return result
}

async function visit(client: StoreClient, shopper: Shopper, rng: Rng, result: FeedbackResult): Promise<void> {
  const auth: ShopperAuth = { anonymousId: shopper.anonymousId }
  const region = shopper.region
  const list = (query: Record<string, string | number>) =>
    client.request<RecommendationsResponse<ListItem["product"]>>("GET", "/store/recommendations", {
      query: { region_id: region.id, limit: 8, fields: FIELDS, ...query },
      auth,
    })
  const show = async (answer: RecommendationsResponse<ListItem["product"]>): Promise<ListItem["product"] | null> => {
    result.lists += 1
    const events: RecoStorefrontEvent[] = answer.items.map((item, position) => ({
      type: "impression",
      product_id: item.product.id,
      placement: answer.placement,
      recommendation_id: answer.recommendation_id,
      position,
      region_id: region.id,
    }))
    result.impressions += events.length
    // Shoppers click near the top, and on what they like.
    const clicked = answer.items.find((item, position) => rng.chance(0.35 / (1 + position * 0.5)))
    if (clicked) {
      const position = answer.items.indexOf(clicked)
      events.push(
        { type: "click", product_id: clicked.product.id, placement: answer.placement, recommendation_id: answer.recommendation_id, position, region_id: region.id },
        { type: "view", product_id: clicked.product.id, region_id: region.id }
      )
      result.clicks += 1
    }
    if (events.length) await client.sendEvents(events, auth)
    return clicked?.product ?? null
  }

  const fromForYou = await show(await list({ placement: "for_you" }))
  const opened = fromForYou ?? null
  const fromRelated = opened ? await show(await list({ placement: "related", product_id: opened.id })) : null
  const wanted = [fromForYou, fromRelated].filter((p): p is ListItem["product"] => p !== null)
  if (wanted.length === 0 || !rng.chance(0.55)) return

  const lines: HttpTypes.StoreAddCartLineItem[] = wanted.flatMap((p) => {
    const variant = (p.variants ?? []).find((v) => !v.manage_inventory || v.allow_backorder || (v.inventory_quantity ?? 1) > 0)
    return variant ? [{ variant_id: variant.id, quantity: 1 }] : []
  })
  if (lines.length === 0) return
  const address = { first_name: shopper.firstName, last_name: shopper.lastName, ...shopper.address }
  const cart = await client.createCart(
    { region_id: region.id, items: lines, email: shopper.email, shipping_address: address, billing_address: address, metadata: { reco_anonymous_id: shopper.anonymousId } },
    auth
  )
  const options = await client.listShippingOptions(cart.id, auth)
  const option = options.find((o) => /standard/i.test(o.name)) ?? options[0]
  if (!option) throw new Error(`no shipping option for region ${region.id}`)
  await client.addShippingMethod(cart.id, option.id, undefined, auth)
  await client.preparePayment(cart.id, "pp_system_default", auth)
  await client.placeOrder(cart.id, auth)
  result.orders += 1
}
