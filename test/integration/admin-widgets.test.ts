import type { MedusaContainer } from "@medusajs/framework/types"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SESSION_INTENT_SCHEMA, type SessionFeatures } from "../../src/ml/features/session-features"
import { IntentModel } from "../../src/ml/models/intent"
import { type AdminSession, createAdminSession } from "../helpers/admin-auth"
import { countEvents } from "../helpers/reco-db"
import {
  addRule,
  createServingCatalog,
  idsOf,
  publishRun,
  recommendations,
  recommendationsClient,
  type ServingCatalog,
  waitForCatalogMirror,
} from "../helpers/serving-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(240_000)
process.env.RECO_QUEUE_PREFIX = `reco-admin-widgets-${process.pid}`

type Item = { product_id: string; title: string | null; thumbnail: string | null; score: number; reason: { code: string; text: string } }
type ProductWidget = { related: Item[]; bought_together: Item[]; rules: Array<{ id: string; target_id: string }> }
type CustomerWidget = {
  for_you: Item[]
  intent: { probability: number; model_run_id: string } | null
  recent_events: Array<{ type: string; product_id: string | null; product_title: string | null; occurred_at: string; search_query?: string }>
  event_count: number
}

/** A small intent model (more cart adds and longer sessions buy), stored as training stores it. */
async function publishIntentModel(container: MedusaContainer): Promise<string> {
  const rows: SessionFeatures[] = []
  const labels: number[] = []
  for (let i = 0; i < 200; i++) {
    const views = 1 + (i % 9)
    rows.push({
      view_count: views,
      distinct_products_viewed: views,
      search_count: 0,
      click_count: i % 2,
      cart_add_count: i % 4,
      cart_remove_count: 0,
      duration_seconds: views * 40,
      seconds_since_previous_visit: i % 3 === 0 ? 0 : 86_400,
      is_returning: i % 3 !== 0,
      weekend: i % 7 === 0,
      month: "Nov",
    })
    labels.push(i % 4 >= 2 && views > 3 ? 1 : 0)
  }
  const model = await IntentModel.train(SESSION_INTENT_SCHEMA, rows, labels, { epochs: 2, hiddenUnits: [8] })
  const weights = model.exportWeights()
  model.dispose()
  return publishRun(container, "intent", (w) => w.artifact("intent-model", "intent-model/v1", weights))
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    let admin: AdminSession
    const get = async <T>(path: string) => {
      const res = await api.get(`/admin/recommendations${path}`, { ...admin.headers, validateStatus: () => true })
      return res as { status: number; data: T & { message?: string } }
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await createServingCatalog(container)
      await waitForCatalogMirror(dbConfig.clientUrl, 13)
      const { data } = await container.resolve("query").graph({ entity: "store", fields: ["id"] })
      await updateStoresWorkflow(container).run({
        input: { selector: { id: data[0]!.id }, update: { default_region_id: store.regionEur.id, default_sales_channel_id: store.salesChannelId } },
      })
      admin = await createAdminSession(container, api)
    })

    beforeEach(() => {
      const serving = recommendations(getContainer()).serving
      serving.onModelActivated()
      serving.rules.invalidate()
      serving.switches.invalidate()
    })

    it("product widget: related and bought-together lists with reasons, and the rules on it, its category or collection", async () => {
      const container = getContainer()
      const p = store.product
      await publishRun(container, "item_neighbors", async (w) => {
        await w.neighbors("similar", p.mug.id, [p.teapot, p["espresso-cups"]].map((x, i) => ({ productId: x.id, score: 2 - i })))
        await w.neighbors("complement", p.mug.id, [{ productId: p["coffee-beans"].id, score: 1 }])
      })
      const pin = await addRule(container, { action: "pin", targetType: "product", targetId: p.sandal.id, placement: "related", position: 0 })
      const onMug = await addRule(container, { action: "bury", targetType: "product", targetId: p.mug.id, weight: 0.5 })
      const onKitchen = await addRule(container, { action: "boost", targetType: "category", targetId: store.kitchenCategoryId, weight: 0.2 })
      const onCoffee = await addRule(container, { action: "boost", targetType: "collection", targetId: store.kitchenCollectionId, weight: 0.1 })
      await addRule(container, { action: "exclude", targetType: "category", targetId: store.shoesCategoryId, placement: "for_you" })

      const res = await get<ProductWidget>(`/products/${p.mug.id}`)
      expect(res.status).toBe(200)
      expect(res.data.related.map((i) => i.product_id)).toEqual([p.sandal.id, p.teapot.id, p["espresso-cups"].id])
      expect(res.data.related[1]).toEqual({
        product_id: p.teapot.id,
        title: "Teapot",
        thumbnail: null,
        score: expect.any(Number),
        reason: { code: "viewed_together", text: expect.stringContaining("Mug") },
      })
      expect(res.data.related[0]!.reason.code).toBe("pinned")
      expect(res.data.bought_together.map((i) => [i.product_id, i.reason.code])).toEqual([[p["coffee-beans"].id, "bought_together"]])
      expect(res.data.rules.map((r) => r.id)).toEqual([onCoffee.id, onKitchen.id, onMug.id])
      expect(res.data.rules.map((r) => r.id)).not.toContain(pin.id)

      // The widget's lists are the store's for a new visitor.
      const storeRelated = await recommendationsClient(api, store)({ placement: "related", product_id: p.mug.id, limit: 10 })
      expect(res.data.related.map((i) => i.product_id)).toEqual(idsOf(storeRelated.data))

      expect((await get(`/products/prod_01UNKNOWN`)).status).toBe(404)
      expect((await get(`/products/not-a-product`)).status).toBe(404)
      const bad = await get(`/products/${p.mug.id}?limit=0`)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/limit/)
    })

    it("customer widget: for-you list, purchase intent of the latest session, recent behaviour; erase deletes it all", async () => {
      const container = getContainer()
      const p = store.product
      const alice = await Shopper.register(api, store, "alice-widget@example.com")
      const bob = await Shopper.register(api, store, "bob-widget@example.com")
      const intentRun = await publishIntentModel(container)
      await publishRun(container, "for_you", async (w) => {
        await w.actorList("for_you", alice.customerId, [p["trail-shoe"], p.sandal, p.teapot].map((x, i) => ({ productId: x.id, score: 3 - i })))
        await w.actorList("for_you", bob.customerId, [{ productId: p.sandal.id, score: 1 }])
      })
      const t0 = Date.now() - 60_000
      const at = (s: number) => new Date(t0 + s * 1000).toISOString()
      expect(
        (
          await alice.shopper.sendEvents([
            { type: "view", product_id: p.mug.id, occurred_at: at(0) },
            { type: "search", query: "kettle", occurred_at: at(10) },
            { type: "view", product_id: p.teapot.id, occurred_at: at(20) },
            { type: "impression", product_id: p.sandal.id, occurred_at: at(25) },
          ])
        ).status
      ).toBe(202)
      await bob.shopper.sendEvents([{ type: "view", product_id: p.mug.id }])

      const res = await get<CustomerWidget>(`/customers/${alice.customerId}`)
      expect(res.status).toBe(200)
      // The teapot was viewed this session: it belongs to recently_viewed, as in the store.
      expect(res.data.for_you.map((i) => i.product_id)).toEqual([p["trail-shoe"].id, p.sandal.id])
      expect(res.data.for_you[0]).toEqual({ product_id: p["trail-shoe"].id, title: "Trail Shoe", thumbnail: null, score: expect.any(Number), reason: { code: "personalised", text: expect.any(String) } })
      const storeForYou = await recommendationsClient(api, store)({ placement: "for_you", limit: 10 }, alice.shopper.headers())
      expect(res.data.for_you.map((i) => i.product_id)).toEqual(idsOf(storeForYou.data))

      expect(res.data.intent).toEqual({ probability: expect.any(Number), model_run_id: intentRun })
      expect(res.data.intent!.probability).toBeGreaterThanOrEqual(0)
      expect(res.data.intent!.probability).toBeLessThanOrEqual(1)
      expect(res.data.recent_events).toEqual([
        { type: "view", product_id: p.teapot.id, product_title: "Teapot", occurred_at: at(20) },
        { type: "search", product_id: null, product_title: null, search_query: "kettle", occurred_at: at(10) },
        { type: "view", product_id: p.mug.id, product_title: "Mug", occurred_at: at(0) },
      ])
      expect(res.data.event_count).toBe(4)

      const erased = await api.delete(`/admin/recommendations/customers/${alice.customerId}/behaviour`, admin.headers)
      expect(erased.data).toEqual({ customer_id: alice.customerId, deleted: true, rows: 4 })
      expect(await countEvents(dbConfig.clientUrl, "actor_id = $1", [alice.customerId])).toBe(0)
      expect(await countEvents(dbConfig.clientUrl, "actor_id = $1", [bob.customerId])).toBe(1)
      const after = await get<CustomerWidget>(`/customers/${alice.customerId}`)
      expect(after.data).toEqual({ for_you: [], intent: null, recent_events: [], event_count: 0 })
      // Bob's list and history are untouched.
      expect((await get<CustomerWidget>(`/customers/${bob.customerId}`)).data).toMatchObject({ event_count: 1, for_you: [{ product_id: p.sandal.id }] })

      const again = await api.delete(`/admin/recommendations/customers/${alice.customerId}/behaviour`, admin.headers)
      expect(again.data.rows).toBe(0)
      expect((await get(`/customers/cus_01UNKNOWN`)).status).toBe(404)
      expect((await get(`/customers/alice`)).status).toBe(404)
    })

    it("a customer without a session or an intent model has intent null", async () => {
      const alice = await Shopper.register(api, store, "quiet@example.com")
      const res = await get<CustomerWidget>(`/customers/${alice.customerId}`)
      expect(res.data).toEqual({ for_you: [], intent: null, recent_events: [], event_count: 0 })
    })
  },
})
