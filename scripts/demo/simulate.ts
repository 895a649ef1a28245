/**
 * Live shoppers against a running Medusa over HTTP, through the real paths only:
 * Medusa's store API for accounts, carts and checkout (so the plugin's subscribers see real
 * cart.* and order.placed events) and the plugin's POST /store/recommendations/events for views,
 * searches, impressions and clicks. Every choice comes from a seeded PRNG, planned per shopper
 * before anything runs, so the same seed gives the same behaviour whatever the concurrency.
 */
import type { HttpTypes } from "@medusajs/framework/types"
import { type RecoStorefrontEvent, type ShopperAuth, StoreApiError, StoreClient } from "../lib/store-client"
import { Rng } from "./prng"
import {
  buyableVariant,
  type CatalogProduct,
  pickComplement,
  pickProduct,
  recommendationList,
  searchQuery,
  type Shopper,
  type World,
} from "./world"

export type SimulationOptions = {
  /** One or more API instances of the same store; each shopper sticks to one. */
  baseUrls: string[]
  publishableKey: string
  seed: number
  /** Completed orders to aim for. */
  orders: number
  /** Abandoned carts to aim for. */
  abandonedCarts: number
  /** Browse-only sessions to aim for. */
  browseSessions: number
  concurrency: number
  /** Share of carts filled one line at a time (the rest start with their first items). */
  stepByStepShare: number
  password: string
  log: (line: string) => void
}

export type SimulationResult = {
  shoppers: number
  registered: number
  sessions: number
  carts: number
  orders: number
  abandonedCarts: number
  failedCheckouts: number
  soldOutAdds: number
  eventBatches: number
  eventsSent: number
  lineItemUpdates: number
  lineItemRemovals: number
  cartTransfers: number
  /** shopper index -> Medusa customer id, for registered shoppers. */
  customerIds: Map<number, string>
  errors: string[]
  durationMs: number
}

type SessionKind = "browse" | "abandon" | "checkout"

type SessionPlan = { shopper: Shopper; number: number; kind: SessionKind; rng: Rng }

/** Decides, per shopper, how many sessions and which kind, hitting the requested totals exactly. */
export function planSessions(shoppers: Shopper[], options: Pick<SimulationOptions, "seed" | "orders" | "abandonedCarts" | "browseSessions">): SessionPlan[] {
  const rng = new Rng(`plan:${options.seed}`)
  const total = options.orders + options.abandonedCarts + options.browseSessions
  // Session counts proportional to activity, at least one each.
  const weights = shoppers.map((s) => s.activity)
  const counts = shoppers.map(() => 1)
  for (let i = shoppers.length; i < total; i++) counts[rng.weightedIndex(weights)]! += 1
  const plans: SessionPlan[] = []
  shoppers.forEach((shopper, i) => {
    for (let n = 0; n < counts[i]!; n++) {
      plans.push({ shopper, number: n, kind: "browse", rng: new Rng(`session:${options.seed}:${shopper.index}:${n}`) })
    }
  })
  // Active shoppers are likelier to buy; the first session of a shopper is often browsing only.
  const order = rng.shuffle(plans.map((_, i) => i)).sort((a, b) => {
    const pa = plans[a]!
    const pb = plans[b]!
    const score = (p: SessionPlan) => p.shopper.activity * (p.number === 0 ? 0.6 : 1) * (0.5 + p.rng.fork("score").next())
    return score(pb) - score(pa)
  })
  order.slice(0, options.orders).forEach((i) => (plans[i]!.kind = "checkout"))
  order.slice(options.orders, options.orders + options.abandonedCarts).forEach((i) => (plans[i]!.kind = "abandon"))
  return plans
}

class Stats {
  sessions = 0
  carts = 0
  orders = 0
  abandonedCarts = 0
  failedCheckouts = 0
  soldOutAdds = 0
  eventBatches = 0
  eventsSent = 0
  lineItemUpdates = 0
  lineItemRemovals = 0
  cartTransfers = 0
  errors = new Map<string, number>()

  error(context: string, e: unknown) {
    const message = e instanceof StoreApiError ? `${e.method} ${e.path.replace(/[a-z]+_[0-9A-Z]{26}/g, ":id")} ${e.status}: ${e.message.split(": ").slice(1).join(": ")}` : e instanceof Error ? e.message : String(e)
    const key = `${context}: ${message}`.slice(0, 300)
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1)
  }
}

type ShopperState = { auth: ShopperAuth; customerId: string | null }

type Instance = { client: StoreClient; shippingOptions: Map<string, HttpTypes.StoreCartShippingOptionWithServiceZone[]> }

export async function simulateShoppers(world: World, shoppers: Shopper[], options: SimulationOptions): Promise<SimulationResult> {
  const started = Date.now()
  const instances: Instance[] = options.baseUrls.map((url) => ({
    client: new StoreClient(url, options.publishableKey),
    shippingOptions: new Map(),
  }))
  const stats = new Stats()
  const customerIds = new Map<number, string>()
  const states = new Map<number, ShopperState>()
  let lastReport = Date.now()
  let totalSessions = 0

  const report = (force = false) => {
    if (!force && Date.now() - lastReport < 15_000) return
    lastReport = Date.now()
    const elapsed = (Date.now() - started) / 1000
    const eta = stats.sessions > 20 ? ` - about ${Math.ceil(((totalSessions - stats.sessions) * elapsed) / stats.sessions / 60)} min to go` : ""
    options.log(
      `  ${stats.sessions}/${totalSessions} sessions, ${stats.carts} carts, ${stats.orders} orders, ${stats.eventsSent} storefront events (${elapsed.toFixed(0)} s${force ? "" : eta})`
    )
  }

  const runPlans = async (plans: SessionPlan[]) => {
    totalSessions += plans.length
    const byShopper = new Map<number, SessionPlan[]>()
    for (const plan of plans) {
      const list = byShopper.get(plan.shopper.index) ?? []
      list.push(plan)
      byShopper.set(plan.shopper.index, list)
    }
    const queue = [...byShopper.values()]
    const runShopper = async (sessions: SessionPlan[]) => {
      const shopper = sessions[0]!.shopper
      const instance = instances[shopper.index % instances.length]!
      const state = states.get(shopper.index) ?? { auth: { anonymousId: shopper.anonymousId }, customerId: null }
      states.set(shopper.index, state)
      for (const plan of sessions) {
        try {
          await runSession(instance, world, plan, state, stats, options)
        } catch (e) {
          stats.error(`session (${plan.kind})`, e)
        }
        if (state.customerId) customerIds.set(shopper.index, state.customerId)
        stats.sessions += 1
        report()
      }
    }
    await Promise.all(
      Array.from({ length: Math.max(1, options.concurrency) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await runShopper(next)
      })
    )
  }

  await runPlans(planSessions(shoppers, options))
  // Checkouts that failed (a variant sold out under our feet, ...) are made up with extra visits.
  for (let round = 1; round <= 3 && stats.orders < options.orders; round++) {
    const missing = options.orders - stats.orders
    const rng = new Rng(`topup:${options.seed}:${round}`)
    const extra = Array.from({ length: missing }, (_, i) => {
      const shopper = rng.weighted(shoppers, shoppers.map((s) => s.activity))
      return { shopper, number: 1000 * round + i, kind: "checkout" as const, rng: new Rng(`topup:${options.seed}:${round}:${i}`) }
    })
    options.log(`  ${missing} more checkout sessions to reach ${options.orders} orders`)
    await runPlans(extra)
  }
  report(true)

  return {
    shoppers: shoppers.length,
    registered: customerIds.size,
    sessions: stats.sessions,
    carts: stats.carts,
    orders: stats.orders,
    abandonedCarts: stats.abandonedCarts,
    failedCheckouts: stats.failedCheckouts,
    soldOutAdds: stats.soldOutAdds,
    eventBatches: stats.eventBatches,
    eventsSent: stats.eventsSent,
    lineItemUpdates: stats.lineItemUpdates,
    lineItemRemovals: stats.lineItemRemovals,
    cartTransfers: stats.cartTransfers,
    customerIds,
    errors: [...stats.errors.entries()].map(([message, count]) => `${count} x ${message}`),
    durationMs: Date.now() - started,
  }
}

async function runSession(
  instance: Instance,
  world: World,
  plan: SessionPlan,
  state: ShopperState,
  stats: Stats,
  options: SimulationOptions
): Promise<void> {
  const { client } = instance
  const { shopper, rng } = plan
  const region = shopper.region
  const events: RecoStorefrontEvent[] = []
  let eventNo = 0
  const key = () => `${shopper.anonymousId}-${plan.number}-${eventNo++}`
  const push = (event: RecoStorefrontEvent) => events.push({ region_id: region.id, idempotency_key: key(), ...event })
  const flush = async () => {
    if (events.length === 0) return
    const batch = events.splice(0, events.length)
    const answer = await client.sendEvents(batch, state.auth)
    stats.eventBatches += 1
    stats.eventsSent += answer.accepted
  }

  // A list of recommendations on the home page (or "for you" once logged in), with clicks on
  // what matches the shopper's tastes.
  const viewed: CatalogProduct[] = []
  const placement = state.customerId ? "for_you" : "home"
  const list = recommendationList(world, shopper, rng, 8)
  const recommendationId = `demo-${shopper.index}-${plan.number}-${placement}`
  list.forEach((p, position) => push({ type: "impression", product_id: p.id, placement, position, recommendation_id: recommendationId }))
  list.forEach((p, position) => {
    const liked = (shopper.tastes.get(p.category) ?? 0) > 1
    if (rng.chance(liked ? 0.3 : 0.04)) {
      push({ type: "click", product_id: p.id, placement, position, recommendation_id: recommendationId })
      push({ type: "view", product_id: p.id })
      viewed.push(p)
    }
  })

  // Sometimes a search, its results, a click.
  if (rng.chance(0.5)) {
    const { query, category } = searchQuery(world, shopper, rng)
    push({ type: "search", query })
    const results = (world.byCategory.get(category) ?? []).slice().sort((a, b) => b.popularity - a.popularity).slice(0, 6)
    const searchId = `demo-${shopper.index}-${plan.number}-search`
    results.forEach((p, position) => push({ type: "impression", product_id: p.id, placement: "search", position, recommendation_id: searchId, query }))
    if (results.length && rng.chance(0.75)) {
      const position = Math.min(results.length - 1, Math.floor(Math.pow(rng.next(), 2) * results.length))
      const p = results[position]!
      push({ type: "click", product_id: p.id, placement: "search", position, recommendation_id: searchId, query })
      push({ type: "view", product_id: p.id })
      viewed.push(p)
    }
  }

  // Browsing product pages along the shopper's tastes.
  const browse = rng.int(1, plan.kind === "browse" ? 6 : 4)
  for (let i = 0; i < browse; i++) {
    const p = pickProduct(world, shopper, rng)
    push({ type: "view", product_id: p.id, variant_id: p.variants[0]?.id })
    viewed.push(p)
    if (rng.chance(0.25)) {
      const also = recommendationList(world, shopper, rng, 4).filter((x) => x.id !== p.id)
      const rid = `demo-${shopper.index}-${plan.number}-pdp${i}`
      also.forEach((x, position) => push({ type: "impression", product_id: x.id, placement: "product_page", position, recommendation_id: rid }))
    }
  }
  await flush()

  // A registered shopper signs up on the first visit and logs in on later ones; the anonymous id
  // travels along so the plugin can merge the history it had so far.
  const signUp = async () => {
    const { customer, token } = await registerOrLogin(client, shopper, options.password)
    state.customerId = customer
    state.auth = { token, anonymousId: shopper.anonymousId }
  }
  // Some sign up only when they are about to pay: their guest cart is then handed to the account.
  const signUpAtCheckout = shopper.registered && !state.customerId && plan.kind === "checkout" && rng.chance(0.35)
  if (shopper.registered && !state.customerId && !signUpAtCheckout) await signUp()

  if (plan.kind === "browse") return

  // ---------------------------------------------------------------- cart
  const wanted: CatalogProduct[] = []
  const firstPick = rng.pick(viewed.length ? viewed : [pickProduct(world, shopper, rng)])
  wanted.push(firstPick)
  if (rng.chance(0.45)) wanted.push(pickComplement(world, firstPick, rng))
  if (rng.chance(0.3)) wanted.push(pickProduct(world, shopper, rng))
  for (const product of wanted.slice(1)) push({ type: "view", product_id: product.id })
  await flush()

  const lines: HttpTypes.StoreAddCartLineItem[] = []
  for (const product of wanted) {
    const variant = buyableVariant(product, rng)
    if (variant) lines.push({ variant_id: variant.id, quantity: rng.chance(0.15) ? 2 : 1 })
    else stats.soldOutAdds += 1
  }
  const checkingOut = plan.kind === "checkout"
  const metadata = { reco_anonymous_id: shopper.anonymousId }
  const stepByStep = rng.chance(options.stepByStepShare)
  let cart: HttpTypes.StoreCart
  let pending: HttpTypes.StoreAddCartLineItem[]
  if (stepByStep || lines.length === 0) {
    // A cart created on the first visit to the basket, filled one "add to cart" at a time.
    cart = await client.createCart({ region_id: region.id, metadata }, state.auth)
    pending = lines
  } else {
    // "Add to cart" from a product page or a wishlist by a shopper without a cart: the cart is
    // created with its lines (and, at checkout, the shopper's details) in one call.
    try {
      cart = await client.createCart(
        { region_id: region.id, metadata, items: lines, ...(checkingOut ? checkoutDetails(shopper, state) : {}) },
        state.auth
      )
      pending = []
    } catch (e) {
      if (!(e instanceof StoreApiError) || e.status >= 500) throw e
      // A line sold out since the catalogue was read: start empty and add the lines one by one.
      cart = await client.createCart({ region_id: region.id, metadata }, state.auth)
      pending = lines
    }
  }
  stats.carts += 1
  for (const line of pending) {
    try {
      cart = await client.addLineItem(cart.id, line, state.auth)
    } catch (e) {
      if (e instanceof StoreApiError && e.status < 500) {
        stats.soldOutAdds += 1
        continue
      }
      throw e
    }
  }
  const items = (): HttpTypes.StoreCartLineItem[] => cart.items ?? []

  if (items().length > 0 && rng.chance(stepByStep ? 0.3 : 0.08)) {
    const item = rng.pick(items())
    try {
      cart = await client.updateLineItem(cart.id, item.id, { quantity: Number(item.quantity) + 1 }, state.auth)
      stats.lineItemUpdates += 1
    } catch (e) {
      stats.error("update line item", e)
    }
  }
  const removeChance = items().length > 1 ? (stepByStep ? 0.45 : 0.2) : items().length === 1 ? 0.08 : 0
  if (rng.chance(removeChance)) {
    const item = rng.pick(items())
    cart = await client.removeLineItem(cart.id, item.id, state.auth)
    stats.lineItemRemovals += 1
  }

  if (!checkingOut || items().length === 0) {
    // Some abandon at the address step, most simply leave.
    if (items().length > 0 && !checkingOut && rng.chance(0.2)) {
      await client.updateCart(cart.id, checkoutDetails(shopper, state), state.auth)
    }
    stats.abandonedCarts += 1
    if (checkingOut) stats.failedCheckouts += 1
    return
  }

  // ---------------------------------------------------------------- checkout
  try {
    if (signUpAtCheckout) {
      await signUp()
      cart = await client.transferCart(cart.id, state.auth)
      stats.cartTransfers += 1
    }
    if (stepByStep || !cart.shipping_address) {
      await client.updateCart(cart.id, checkoutDetails(shopper, state), state.auth)
    }
    let shippingOptions = instance.shippingOptions.get(region.id)
    if (!shippingOptions || stepByStep) {
      shippingOptions = await client.listShippingOptions(cart.id, state.auth)
      instance.shippingOptions.set(region.id, shippingOptions)
    }
    const express = rng.chance(0.2)
    const option = shippingOptions.find((o) => (express ? /express/i : /standard/i).test(o.name)) ?? shippingOptions[0]
    if (!option) throw new Error(`no shipping option for region ${region.id}`)
    await client.addShippingMethod(cart.id, option.id, undefined, state.auth)
    await client.preparePayment(cart.id, "pp_system_default", state.auth)
    await client.placeOrder(cart.id, state.auth)
    stats.orders += 1
  } catch (e) {
    stats.failedCheckouts += 1
    stats.abandonedCarts += 1
    stats.error("checkout", e)
  }
}

function checkoutDetails(shopper: Shopper, state: ShopperState): HttpTypes.StoreUpdateCart {
  const address = {
    first_name: shopper.firstName,
    last_name: shopper.lastName,
    ...shopper.address,
  }
  return {
    ...(state.customerId ? {} : { email: shopper.email }),
    shipping_address: address,
    billing_address: address,
  }
}

async function registerOrLogin(
  client: StoreClient,
  shopper: Shopper,
  password: string
): Promise<{ customer: string; token: string }> {
  try {
    const { customer, token } = await client.registerCustomer({
      email: shopper.email,
      password,
      first_name: shopper.firstName,
      last_name: shopper.lastName,
    })
    return { customer: customer.id, token }
  } catch (e) {
    // Already registered by an earlier, interrupted run: log in instead.
    if (e instanceof StoreApiError && (e.status === 401 || e.status === 400)) {
      const token = await client.login(shopper.email, password)
      const me = await client.me({ token })
      return { customer: me.id, token }
    }
    throw e
  }
}
