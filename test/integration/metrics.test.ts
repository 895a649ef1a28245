import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { utcDay } from "../../src/store/repositories/metric-counters"
import { createAdminSession } from "../helpers/admin-auth"
import { eurOrder, fetchList, placeOrder, publishServedRun, waitForMirror, waitForOrderOutcome } from "../helpers/attribution-fixtures"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createServingCatalog, recommendations, type ServingCatalog } from "../helpers/serving-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(180_000)

type Row = Record<string, unknown>

/**
 * The dashboard's numbers: counters written as behaviour happens (served lists, impressions,
 * clicks, cart adds, orders), read back through GET /admin/recommendations/metrics.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    const rows = (sql: string, params: unknown[] = []) =>
      withPg(dbConfig.clientUrl, async (c) => (await c.query(sql, params)).rows as Row[])
    const flushServed = () => recommendations(getContainer()).serving.served.flush()

    beforeEach(async () => {
      store = await createServingCatalog(getContainer())
      await waitForMirror(dbConfig.clientUrl, 13)
    })

    afterEach(async () => {
      await flushServed()
    })

    it("counts served lists, impressions, clicks and recommended cart adds per placement and model, with their rates", async () => {
      const container = getContainer()
      const p = store.product
      const runId = await publishServedRun(container, "trending", (w) =>
        w.segment("all", [p.mug, p.teapot, p.sandal, p["espresso-cups"]].map((x, i) => ({ productId: x.id, score: 4 - i })))
      )
      const anonymousId = "anon-metrics-shopper-1"
      const shopper = new Shopper(api, store, { "x-reco-anonymous-id": anonymousId })
      const first = await fetchList(api, shopper, { placement: "trending", region_id: store.regionEur.id })
      const second = await fetchList(api, shopper, { placement: "trending", region_id: store.regionEur.id, limit: 2 })
      // Reported at once, before the served log (which writes every second) has stored the lists.
      const shown = (list: typeof first, productId: string, type = "impression") => ({
        type,
        product_id: productId,
        placement: "trending",
        recommendation_id: list.recommendation_id,
      })
      expect(
        (
          await shopper.sendEvents([
            shown(first, p.mug.id),
            shown(first, p.teapot.id),
            shown(first, p.sandal.id),
            shown(second, p.mug.id),
            shown(first, p.mug.id, "click"),
          ])
        ).status
      ).toBe(202)
      await flushServed()

      // A cart add of the clicked product counts for the click's recommendation; the teapot, shown but never clicked, does not.
      const cartId = await shopper.createCart({ reco_anonymous_id: anonymousId })
      await shopper.addItem(cartId, p.mug.variantId, 1)
      await shopper.addItem(cartId, p.teapot.variantId, 1)

      const admin = await createAdminSession(container, api)
      const report = await eventually(async () => {
        const { data } = await api.get("/admin/recommendations/metrics", admin.headers)
        expect(data.kpis.add_to_carts).toBe(1)
        return data
      })
      const today = utcDay(new Date())
      expect(report.to).toBe(today)
      expect(report.series).toHaveLength(30)
      expect(report.series.at(-1)).toEqual({
        day: today,
        served: 2,
        impressions: 4,
        clicks: 1,
        add_to_carts: 1,
        attributed_orders: 0,
        revenue: [],
      })
      expect(report.kpis).toMatchObject({
        served: 2,
        impressions: 4,
        clicks: 1,
        ctr: 0.25,
        add_to_carts: 1,
        add_to_cart_rate: 1,
        attributed_orders: 0,
        conversion_rate: 0,
        attributed_revenue: [],
      })
      expect(report.by_placement).toEqual([
        {
          placement: "trending",
          served: 2,
          impressions: 4,
          clicks: 1,
          ctr: 0.25,
          add_to_carts: 1,
          add_to_cart_rate: 1,
          attributed_orders: 0,
          conversion_rate: 0,
          revenue: [],
        },
      ])
      expect(report.by_model).toEqual([
        {
          model_run_id: runId,
          model_kind: "trending",
          algorithm: "test-trending",
          served: 2,
          impressions: 4,
          clicks: 1,
          ctr: 0.25,
          attributed_orders: 0,
          conversion_rate: 0,
          revenue: [],
        },
      ])
      // Early impressions were moved to their list's key: nothing is left without a model.
      expect(await rows(`SELECT placement, impressions::int, clicks::int FROM reco_metric_daily WHERE model_run_id = '' AND (impressions <> 0 OR clicks <> 0)`)).toEqual([])

      // Filters: another placement has nothing; this run has everything.
      const other = await api.get("/admin/recommendations/metrics", { ...admin.headers, params: { placement: "for_you" } })
      expect(other.data.kpis).toMatchObject({ served: 0, impressions: 0, clicks: 0, ctr: 0 })
      const byRun = await api.get("/admin/recommendations/metrics", { ...admin.headers, params: { model_run_id: runId, from: today, to: today } })
      expect(byRun.data).toMatchObject({ from: today, to: today, kpis: { served: 2, impressions: 4 } })
      expect(byRun.data.series).toHaveLength(1)
    })

    it("average order value with and without recommended items, conversion, and catalogue coverage", async () => {
      const container = getContainer()
      const p = store.product
      await publishServedRun(container, "trending", (w) =>
        w.segment("all", [p.mug, p.teapot, p.sandal].map((x, i) => ({ productId: x.id, score: 3 - i })))
      )
      const buyer = await Shopper.register(api, store, "aov-with@example.com")
      const list = await fetchList(api, buyer.shopper, { placement: "trending", region_id: store.regionEur.id })
      await fetchList(api, buyer.shopper, { placement: "trending", region_id: store.regionEur.id, limit: 1 })
      await buyer.shopper.sendEvents([
        { type: "impression", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id },
        { type: "click", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id },
        { type: "click", product_id: p.teapot.id, placement: "trending", recommendation_id: list.recommendation_id },
      ])
      const withOrder = await placeOrder(
        api,
        buyer.shopper,
        eurOrder(store, "aov-with@example.com", [
          { variantId: p.mug.variantId, quantity: 2 }, // 30, recommended
          { variantId: p["coffee-beans"].variantId, quantity: 1 }, // 22
        ])
      )
      const other = await Shopper.register(api, store, "aov-without@example.com")
      const withoutOrder = await placeOrder(api, other.shopper, eurOrder(store, "aov-without@example.com", [{ variantId: p["road-shoe"].variantId, quantity: 1 }]))
      await waitForOrderOutcome(dbConfig.clientUrl, withOrder)
      await waitForOrderOutcome(dbConfig.clientUrl, withoutOrder)
      await flushServed()

      const admin = await createAdminSession(container, api)
      const { data } = await api.get("/admin/recommendations/metrics", admin.headers)
      expect(data.kpis).toMatchObject({
        served: 2,
        impressions: 1,
        clicks: 2,
        attributed_orders: 1,
        attributed_items: 2,
        conversion_rate: 0.5,
        attributed_revenue: [{ currency_code: "eur", amount: 30 }],
        aov_with_recommendations: [{ currency_code: "eur", amount: 52, orders: 1 }],
        aov_without_recommendations: [{ currency_code: "eur", amount: 11, orders: 1 }],
      })
      // Three products recommended; the mirror's published catalogue is the 12 products that are not drafts.
      expect(data.kpis.coverage).toEqual({ recommended_products: 3, catalog_products: 12, share: 0.25 })
      expect(data.by_placement[0]).toMatchObject({ placement: "trending", attributed_orders: 1, conversion_rate: 0.5, revenue: [{ currency_code: "eur", amount: 30 }] })
    })

    it("is behind Medusa's admin auth and refuses bad parameters with a message naming the field", async () => {
      expect((await api.get("/admin/recommendations/metrics", { validateStatus: () => true })).status).toBe(401)
      const admin = await createAdminSession(getContainer(), api)
      const get = (params: Record<string, string>) =>
        api.get("/admin/recommendations/metrics", { ...admin.headers, params, validateStatus: () => true })
      expect((await get({})).status).toBe(200)
      for (const [params, field] of [
        [{ from: "2026-02-30" }, "from"],
        [{ to: "yesterday" }, "to"],
        [{ from: "2026-11-10", to: "2026-11-01" }, "from"],
        [{ from: "2024-01-01", to: "2026-01-01" }, "to"],
        [{ model_run_id: "not-a-uuid" }, "model_run_id"],
        [{ placement: "For You!" }, "placement"],
        [{ customer_id: "cus_1" }, "customer_id"],
      ] as const) {
        const res = await get(params)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
      }
    })
  },
})
