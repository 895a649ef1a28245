import type { CreatePromotionDTO, MedusaContainer } from "@medusajs/framework/types"
import {
  createCustomerGroupsWorkflow,
  createPromotionsWorkflow,
  linkCustomersToCustomerGroupWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SESSION_INTENT_SCHEMA, type SessionFeatures } from "../../src/ml/features/session-features"
import { IntentModel } from "../../src/ml/models/intent"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createServingCatalog, publishRun, recommendations, type ServingCatalog } from "../helpers/serving-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(240_000)

type Promo = {
  id: string
  code: string | null
  is_automatic: boolean
  type: string
  application_method: { type: string; value: number; currency_code: string | null; target_type: string }
  score: number
  reason: { code: string; text: string; source_product_id?: string }
}
type Body = { recommendation_id: string; intent: { probability: number; model_run_id: string } | null; promotions: Promo[]; message?: string }

const DAY = 86_400_000

/**
 * The store's promotions, made through Medusa's own workflow: two live targeted ones (shoes by
 * product, kitchen by category), a live order-wide code in EUR, a VIP-only one, and three that
 * must never be offered (draft, inactive, campaign ended).
 */
async function createPromotions(container: MedusaContainer, store: ServingCatalog, vipGroupId: string) {
  const p = store.product
  const items = (value: number, attribute: string, values: string[]) => ({
    type: "percentage" as const,
    target_type: "items" as const,
    allocation: "across" as const,
    value,
    target_rules: [{ attribute, operator: "in" as const, values }],
  })
  const shoes = items(10, "items.product.id", [p["trail-shoe"].id, p["road-shoe"].id])
  const data: CreatePromotionDTO[] = [
    { code: "SHOES10", type: "standard", status: "active", is_automatic: false, application_method: shoes },
    {
      code: "KITCHEN15",
      type: "standard",
      status: "active",
      is_automatic: true,
      application_method: items(15, "items.product.categories.id", [store.kitchenCategoryId]),
    },
    {
      code: "WELCOME5",
      type: "standard",
      status: "active",
      application_method: { type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "eur" },
    },
    {
      code: "VIP20",
      type: "standard",
      status: "active",
      rules: [{ attribute: "customer.groups.id", operator: "in", values: [vipGroupId] }],
      application_method: items(20, "items.product.categories.id", [store.shoesCategoryId]),
    },
    { code: "DRAFT50", type: "standard", status: "draft", application_method: items(50, "items.product.id", [p["trail-shoe"].id]) },
    { code: "OFF40", type: "standard", status: "inactive", application_method: items(40, "items.product.categories.id", [store.shoesCategoryId]) },
    {
      code: "SUMMER30",
      type: "standard",
      status: "active",
      campaign: {
        name: "Summer",
        campaign_identifier: "summer-ended",
        starts_at: new Date(Date.now() - 60 * DAY),
        ends_at: new Date(Date.now() - DAY),
      },
      application_method: items(30, "items.product.categories.id", [store.shoesCategoryId, store.kitchenCategoryId]),
    },
  ]
  const { result } = await createPromotionsWorkflow(container).run({ input: { promotionsData: data } })
  return Object.fromEntries(result.map((r) => [r.code!, r.id])) as Record<string, string>
}

/** A small intent model trained here (more cart adds and longer sessions buy), stored as training stores it. */
async function publishIntentModel(container: MedusaContainer): Promise<string> {
  const rows: SessionFeatures[] = []
  const labels: number[] = []
  for (let i = 0; i < 300; i++) {
    const cartAdds = i % 4
    const views = 1 + (i % 9)
    rows.push({
      view_count: views,
      distinct_products_viewed: views,
      search_count: 0,
      click_count: i % 2,
      cart_add_count: cartAdds,
      cart_remove_count: 0,
      duration_seconds: views * 40,
      seconds_since_previous_visit: i % 3 === 0 ? 0 : 86_400,
      is_returning: i % 3 !== 0,
      weekend: i % 7 === 0,
      month: "Nov",
    })
    labels.push(cartAdds >= 2 && views > 3 ? 1 : 0)
  }
  const model = await IntentModel.train(SESSION_INTENT_SCHEMA, rows, labels, { epochs: 3, hiddenUnits: [8] })
  const weights = model.exportWeights()
  model.dispose()
  return publishRun(container, "intent", async (w) => {
    await w.artifact("intent-model", "intent-model/v1", weights)
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    let promo: Record<string, string>
    let vipGroupId: string
    const ids = (body: Body) => body.promotions.map((x) => x.id)
    const anon = (id: string) => ({ "x-reco-anonymous-id": id })
    const get = async (params: Record<string, string | number>, headers: Record<string, string> = {}) => {
      const res = await api.get("/store/recommendations/promotions", {
        params,
        headers: { "x-publishable-api-key": store.publishableKey, ...headers },
        validateStatus: () => true,
      })
      return res as { status: number; data: Body }
    }
    /** Views sent through the store API, oldest first, one minute apart and ending a minute ago. */
    const view = async (shopper: Shopper, productIds: string[], headers: Record<string, string> = {}) => {
      const start = Date.now() - (productIds.length + 1) * 60_000
      const events = productIds.map((product_id, i) => ({
        type: "view",
        product_id,
        occurred_at: new Date(start + i * 60_000).toISOString(),
      }))
      expect((await shopper.sendEvents(events, headers)).status).toBe(202)
    }

    beforeEach(async () => {
      const container = getContainer()
      store = await createServingCatalog(container)
      const { result: groups } = await createCustomerGroupsWorkflow(container).run({
        input: { customersData: [{ name: "VIP" }] },
      })
      vipGroupId = groups[0]!.id
      promo = await createPromotions(container, store, vipGroupId)
      // Reasons take product titles and categories from the plugin's catalogue mirror.
      await eventually(async () => {
        const n = await withPg(dbConfig.clientUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM reco_product`)).rows[0].n)
        expect(n).toBe(13)
      })
    })

    it("ranks the promotion on what the shopper viewed first, names it in the reason, never offers dead promotions", async () => {
      const p = store.product
      const guest = new Shopper(api, store)
      await view(guest, [p["road-shoe"].id, p["trail-shoe"].id], anon("shoe-shopper-1"))
      await view(guest, [p.mug.id, p.teapot.id], anon("kitchen-shopper-1"))

      const shoes = await get({ limit: 20 }, anon("shoe-shopper-1"))
      expect(shoes.status).toBe(200)
      expect(shoes.data.recommendation_id).toMatch(/^rec_/)
      expect(shoes.data.intent).toBeNull()
      // Only live promotions an anonymous shopper can use: no draft, inactive, ended or VIP-only ones.
      expect(new Set(ids(shoes.data))).toEqual(new Set([promo.SHOES10, promo.KITCHEN15, promo.WELCOME5]))
      expect(ids(shoes.data)).toEqual([promo.SHOES10, promo.WELCOME5, promo.KITCHEN15])
      const [shoe, order, kitchen] = shoes.data.promotions
      expect(shoe).toEqual({
        id: promo.SHOES10,
        code: "SHOES10",
        is_automatic: false,
        type: "standard",
        application_method: { type: "percentage", value: 10, currency_code: null, target_type: "items" },
        score: expect.any(Number),
        reason: { code: "viewed_product", text: "10% off Trail Shoe, which you viewed", source_product_id: p["trail-shoe"].id },
      })
      expect(order!.reason).toEqual({ code: "order_wide", text: "€5 off your order" })
      expect(order!.code).toBe("WELCOME5")
      // Automatic promotions apply by themselves: no code to show.
      expect(kitchen).toMatchObject({ code: null, is_automatic: true, reason: { code: "other_offer", text: "15% off Kitchen" } })
      expect(shoe!.score).toBeGreaterThan(order!.score)
      expect(order!.score).toBeGreaterThan(kitchen!.score)

      // The anonymous id may come as the plugin's cookie instead of the header.
      const byCookie = await get({ limit: 20 }, { cookie: "reco_anon_id=shoe-shopper-1" })
      expect(ids(byCookie.data)).toEqual(ids(shoes.data))

      const kitchenShopper = await get({ limit: 20 }, anon("kitchen-shopper-1"))
      expect(ids(kitchenShopper.data)).toEqual([promo.KITCHEN15, promo.WELCOME5, promo.SHOES10])
      expect(kitchenShopper.data.promotions[0]!.reason).toEqual({
        code: "category_interest",
        text: "Save 15% on Kitchen, a category you browse",
        source_product_id: p.teapot.id,
      })
      // SHOES10 is on two products, neither of interest to this shopper: no product is singled out.
      expect(kitchenShopper.data.promotions[2]!.reason).toEqual({ code: "other_offer", text: "10% off selected products" })

      // A shopper with no history still sees the live offers, order-wide first; limit applies.
      const fresh = await get({ limit: 2 }, anon("fresh-shopper-1"))
      expect(ids(fresh.data)).toHaveLength(2)
      expect(ids(fresh.data)[0]).toBe(promo.WELCOME5)

      // Each response is in the served log, promotion ids with their reason codes, for attribution.
      await recommendations(getContainer()).serving.served.flush()
      const served = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT actor_id, placement, items FROM reco_served_recommendation WHERE id = $1`, [shoes.data.recommendation_id])).rows[0]
      )
      expect(served.actor_id).toBe("shoe-shopper-1")
      expect(served.placement).toBe("promotions")
      expect(served.items.map((i: { product_id: string; reason_code: string }) => [i.product_id, i.reason_code])).toEqual([
        [promo.SHOES10, "viewed_product"],
        [promo.WELCOME5, "order_wide"],
        [promo.KITCHEN15, "other_offer"],
      ])
    })

    it("the cart counts as interest; a fixed amount in another currency and a foreign cart are not served", async () => {
      const p = store.product
      const guest = new Shopper(api, store, anon("cart-shopper-1"))
      await view(guest, [p["trail-shoe"].id])
      const cartId = await guest.createCart({ reco_anonymous_id: "cart-shopper-1" })
      await guest.addItem(cartId, p.mug.variantId, 1)
      const withCart = await get({ cart_id: cartId }, anon("cart-shopper-1"))
      expect(withCart.status).toBe(200)
      expect(ids(withCart.data)[0]).toBe(promo.KITCHEN15)
      expect(withCart.data.promotions[0]!.reason).toMatchObject({ code: "category_interest", source_product_id: p.mug.id })

      // EUR 5 off does not apply to a USD region.
      const usd = await get({ region_id: store.regionUsd.id, limit: 20 }, anon("cart-shopper-1"))
      expect(ids(usd.data)).not.toContain(promo.WELCOME5)
      expect(ids(usd.data)).toContain(promo.SHOES10)

      const other = await get({ cart_id: cartId }, anon("someone-else-1"))
      expect(other.status).toBe(404)
      expect(JSON.stringify(other.data)).not.toContain(p.mug.id)
    })

    it("the shopper comes from auth, cookie or header only: a customer sees their own fit and their group's offers", async () => {
      const p = store.product
      const alice = await Shopper.register(api, store, "alice@example.com")
      await linkCustomersToCustomerGroupWorkflow(getContainer()).run({ input: { id: vipGroupId, add: [alice.customerId] } })
      await view(alice.shopper, [p.mug.id, p.teapot.id])
      const guest = new Shopper(api, store)
      await view(guest, [p["trail-shoe"].id], anon("shoe-shopper-2"))

      // Logged in, the customer is the shopper even when an anonymous id travels along.
      const res = await api.get("/store/recommendations/promotions", {
        params: { limit: 20 },
        headers: alice.shopper.headers(anon("shoe-shopper-2")),
      })
      const body = res.data as Body
      expect(body.promotions[0]!.id).toBe(promo.KITCHEN15)
      expect(ids(body)).toContain(promo.VIP20)
      // Not in the group: no VIP offer.
      expect(ids((await get({ limit: 20 }, anon("shoe-shopper-2"))).data)).not.toContain(promo.VIP20)

      const cases: Array<[Record<string, string | number>, RegExp]> = [
        [{ customer_id: alice.customerId }, /customer_id/],
        [{ limit: 0 }, /limit/],
        [{ limit: 21 }, /limit/],
        [{ cart_id: "order_123" }, /cart_id/],
        [{ region_id: "eu" }, /region_id/],
      ]
      for (const [params, message] of cases) {
        const bad = await get(params, anon("shoe-shopper-2"))
        expect({ params, status: bad.status }).toEqual({ params, status: 400 })
        expect(bad.data.message).toMatch(message)
      }
    })

    it("with an active intent model the response carries the session's purchase probability and its run", async () => {
      const p = store.product
      const runId = await publishIntentModel(getContainer())
      const guest = new Shopper(api, store)
      await view(guest, [p["trail-shoe"].id, p.mug.id], anon("intent-shopper-1"))
      const res = await get({}, anon("intent-shopper-1"))
      expect(res.status).toBe(200)
      expect(res.data.intent).toEqual({ probability: expect.any(Number), model_run_id: runId })
      expect(res.data.intent!.probability).toBeGreaterThanOrEqual(0)
      expect(res.data.intent!.probability).toBeLessThanOrEqual(1)
      // A shopper with no session going on has nothing to score.
      expect((await get({}, anon("no-session-1"))).data.intent).toBeNull()

      await recommendations(getContainer()).serving.served.flush()
      const served = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT model_run_id, context FROM reco_served_recommendation WHERE id = $1`, [res.data.recommendation_id])).rows[0]
      )
      expect(served.model_run_id).toBe(runId)
      expect(served.context).toMatchObject({ intent_run_id: runId })
    })
  },
})
