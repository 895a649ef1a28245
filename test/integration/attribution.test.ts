import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { captureOrderPurchasesWorkflow } from "../../src/workflows/capture-order-purchases"
import { createAdminSession } from "../helpers/admin-auth"
import {
  discountProduct,
  enableUsdShipping,
  eurOrder,
  fetchList,
  fulfil,
  orderLines,
  placeOrder,
  publishServedRun,
  returnItems,
  setAttributionWindow,
  waitForMirror,
  waitForOrderOutcome,
} from "../helpers/attribution-fixtures"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createServingCatalog, recommendations, type ServingCatalog } from "../helpers/serving-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(180_000)

type Row = Record<string, unknown>

/**
 * Revenue attribution on real orders: real store-API checkouts, real served lists from
 * GET /store/recommendations, impressions and clicks through the events API, and Medusa's own
 * cancel and return workflows.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    const rows = (sql: string, params: unknown[] = []) =>
      withPg(dbConfig.clientUrl, async (c) => (await c.query(sql, params)).rows as Row[])
    const attributions = (orderId: string) =>
      rows(
        `SELECT product_id, placement, recommendation_id, model_run_id::text AS model_run_id, touch, quantity, returned_quantity,
                revenue::float AS revenue, reversed_revenue::float AS reversed_revenue, currency_code, status, actor_id
           FROM reco_attribution WHERE order_id = $1 ORDER BY product_id`,
        [orderId]
      )
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()
    const flushServed = () => recommendations(getContainer()).serving.served.flush()

    beforeEach(async () => {
      store = await createServingCatalog(getContainer())
      await waitForMirror(dbConfig.clientUrl, 13)
    })

    afterEach(async () => {
      // Nothing of this test's served log may land in the next test's tables.
      await flushServed()
    })

    it("a click wins over a later impression, an impression alone earns its line, a click older than the window earns nothing; revenue is the line total after discounts", async () => {
      const container = getContainer()
      const p = store.product
      const { shopper, customerId } = await Shopper.register(api, store, "clicker@example.com")
      const trendingRun = await publishServedRun(container, "trending", (w) =>
        w.segment("all", [p.mug, p.sandal, p["espresso-cups"]].map((x, i) => ({ productId: x.id, score: 3 - i })))
      )
      const forYouRun = await publishServedRun(container, "for_you", (w) =>
        w.actorList("for_you", customerId, [p.mug, p.teapot, p.sandal].map((x, i) => ({ productId: x.id, score: 3 - i })))
      )
      const trending = await fetchList(api, shopper, { placement: "trending", region_id: store.regionEur.id })
      const forYou = await fetchList(api, shopper, { placement: "for_you", region_id: store.regionEur.id })
      expect(trending.items.map((i) => i.product.id)).toEqual([p.mug.id, p.sandal.id, p["espresso-cups"].id])
      expect(forYou.items.map((i) => i.product.id)).toEqual([p.mug.id, p.teapot.id, p.sandal.id])
      await setAttributionWindow(container, 1)

      const touch = (type: string, list: { recommendation_id: string; placement: string }, productId: string, at: string) => ({
        type,
        product_id: productId,
        placement: list.placement,
        recommendation_id: list.recommendation_id,
        occurred_at: at,
      })
      const sent = await shopper.sendEvents([
        // The sandal was clicked two days ago: outside the 1-day window. It is in both lists, whose
        // impressions were reported without it, so the lists themselves do not count it as shown.
        touch("click", trending, p.sandal.id, minutesAgo(2 * 24 * 60)),
        touch("impression", trending, p.mug.id, minutesAgo(12)),
        touch("impression", trending, p["espresso-cups"].id, minutesAgo(12)),
        touch("click", trending, p.mug.id, minutesAgo(10)),
        touch("impression", forYou, p.mug.id, minutesAgo(2)),
        touch("impression", forYou, p.teapot.id, minutesAgo(2)),
      ])
      expect(sent.status).toBe(202)
      await flushServed()

      await discountProduct(container, p.mug.id, 10)
      const orderId = await placeOrder(
        api,
        shopper,
        eurOrder(store, "clicker@example.com", [
          { variantId: p.mug.variantId, quantity: 2 }, // 2 x 15, 10% off: 27
          { variantId: p.teapot.variantId, quantity: 1 }, // 16
          { variantId: p.sandal.variantId, quantity: 1 }, // 13, clicked too long ago
          { variantId: p["coffee-beans"].variantId, quantity: 1 }, // 22, never recommended
        ])
      )
      await waitForOrderOutcome(dbConfig.clientUrl, orderId)

      expect(await attributions(orderId)).toEqual(
        [
          {
            product_id: p.mug.id,
            placement: "trending",
            recommendation_id: trending.recommendation_id,
            model_run_id: trendingRun,
            touch: "click",
            quantity: 2,
            returned_quantity: 0,
            revenue: 27,
            reversed_revenue: 0,
            currency_code: "eur",
            status: "active",
            actor_id: customerId,
          },
          {
            product_id: p.teapot.id,
            placement: "for_you",
            recommendation_id: forYou.recommendation_id,
            model_run_id: forYouRun,
            touch: "impression",
            quantity: 1,
            returned_quantity: 0,
            revenue: 16,
            reversed_revenue: 0,
            currency_code: "eur",
            status: "active",
            actor_id: customerId,
          },
        ].sort((a, b) => a.product_id.localeCompare(b.product_id))
      )

      // The admin API: behind Medusa's admin auth, with titles and per-currency totals.
      const path = `/admin/recommendations/orders/${orderId}/attribution`
      expect((await api.get(path, { validateStatus: () => true })).status).toBe(401)
      const admin = await createAdminSession(container, api)
      const { status, data } = await api.get(path, admin.headers)
      expect(status).toBe(200)
      expect(data.totals).toEqual([{ currency_code: "eur", amount: 43 }])
      const mugLine = data.attributions.find((a: Row) => a.product_id === p.mug.id)
      expect(mugLine).toMatchObject({
        product_title: "Mug",
        quantity: 2,
        revenue: 27,
        currency_code: "eur",
        recommendation_id: trending.recommendation_id,
        placement: "trending",
        model_run_id: trendingRun,
        experiment_id: null,
        arm: null,
        touch: "click",
        status: "active",
      })
      expect(new Date(mugLine.touched_at).getTime()).toBeLessThan(Date.now() - 9 * 60_000)
      expect((await api.get("/admin/recommendations/orders/order_unknown/attribution", { ...admin.headers, validateStatus: () => true })).status).toBe(404)
      expect((await api.get(`${path}?foo=1`, { ...admin.headers, validateStatus: () => true })).status).toBe(400)

      // Replaying order.placed changes nothing.
      const before = await rows(
        `SELECT (SELECT sum(revenue)::float FROM reco_metric_revenue_daily) AS revenue,
                (SELECT sum(attributed_items)::int FROM reco_metric_daily) AS items,
                (SELECT sum(attributed_orders)::int FROM reco_metric_daily) AS key_orders,
                (SELECT sum(orders)::int FROM reco_order_daily) AS orders,
                (SELECT sum(revenue)::float FROM reco_order_daily) AS order_revenue`
      )
      expect(before[0]).toEqual({ revenue: 43, items: 3, key_orders: 2, orders: 1, order_revenue: 27 + 16 + 13 + 22 })
      const { result } = await captureOrderPurchasesWorkflow(container).run({ input: { order_id: orderId } })
      expect(result.attribution).toEqual({ attributed: 0, replayed: 1 })
      expect(
        await rows(
          `SELECT (SELECT sum(revenue)::float FROM reco_metric_revenue_daily) AS revenue,
                  (SELECT sum(attributed_items)::int FROM reco_metric_daily) AS items,
                  (SELECT sum(attributed_orders)::int FROM reco_metric_daily) AS key_orders,
                  (SELECT sum(orders)::int FROM reco_order_daily) AS orders,
                  (SELECT sum(revenue)::float FROM reco_order_daily) AS order_revenue`
        )
      ).toEqual(before)
      expect(await attributions(orderId)).toHaveLength(2)
    })

    it("a canceled order reverses its attribution and every metric it added", async () => {
      const container = getContainer()
      const p = store.product
      const { shopper } = await Shopper.register(api, store, "canceler@example.com")
      await publishServedRun(container, "trending", (w) => w.segment("all", [{ productId: p.mug.id, score: 1 }]))
      const list = await fetchList(api, shopper, { placement: "trending", region_id: store.regionEur.id })
      await shopper.sendEvents([
        { type: "impression", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id },
        { type: "click", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id },
      ])
      const orderId = await placeOrder(
        api,
        shopper,
        eurOrder(store, "canceler@example.com", [
          { variantId: p.mug.variantId, quantity: 1 },
          { variantId: p.teapot.variantId, quantity: 1 },
        ])
      )
      await waitForOrderOutcome(dbConfig.clientUrl, orderId)
      const totals = () =>
        rows(
          `SELECT (SELECT coalesce(sum(revenue), 0)::float FROM reco_metric_revenue_daily) AS revenue,
                  (SELECT coalesce(sum(orders), 0)::int FROM reco_metric_revenue_daily) AS revenue_orders,
                  (SELECT coalesce(sum(attributed_items), 0)::int FROM reco_metric_daily) AS items,
                  (SELECT coalesce(sum(attributed_orders), 0)::int FROM reco_metric_daily) AS key_orders,
                  (SELECT coalesce(sum(orders), 0)::int FROM reco_order_daily WHERE with_recommendations) AS orders,
                  (SELECT coalesce(sum(revenue), 0)::float FROM reco_order_daily) AS order_revenue`
        ).then((r) => r[0])
      expect(await totals()).toEqual({ revenue: 15, revenue_orders: 1, items: 1, key_orders: 1, orders: 1, order_revenue: 31 })

      await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
      await eventually(async () => {
        expect((await attributions(orderId)).map((a) => a.status)).toEqual(["canceled"])
      })
      expect(await totals()).toEqual({ revenue: 0, revenue_orders: 0, items: 0, key_orders: 0, orders: 0, order_revenue: 0 })
      expect((await attributions(orderId))[0]).toMatchObject({ revenue: 15, reversed_revenue: 15 })
      // Served, impressions and clicks happened and stay counted.
      expect((await rows(`SELECT sum(impressions)::int AS i, sum(clicks)::int AS c FROM reco_metric_daily`))[0]).toEqual({ i: 1, c: 1 })
    })

    it("returned items reverse their share: a partial return proportionally, the rest when it comes back", async () => {
      const container = getContainer()
      const p = store.product
      const { shopper } = await Shopper.register(api, store, "returner@example.com")
      await publishServedRun(container, "trending", (w) => w.segment("all", [{ productId: p.mug.id, score: 1 }]))
      const list = await fetchList(api, shopper, { placement: "trending", region_id: store.regionEur.id })
      await shopper.sendEvents([{ type: "click", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id }])
      const orderId = await placeOrder(api, shopper, eurOrder(store, "returner@example.com", [{ variantId: p.mug.variantId, quantity: 3 }]))
      await waitForOrderOutcome(dbConfig.clientUrl, orderId)
      const lineId = (await orderLines(container, orderId)).get(p.mug.variantId)!
      await fulfil(container, orderId, [{ id: lineId, quantity: 3 }])
      const metrics = () =>
        rows(
          `SELECT (SELECT sum(revenue)::float FROM reco_metric_revenue_daily) AS revenue,
                  (SELECT sum(orders)::int FROM reco_metric_revenue_daily) AS revenue_orders,
                  (SELECT sum(attributed_items)::int FROM reco_metric_daily) AS items,
                  (SELECT sum(attributed_orders)::int FROM reco_metric_daily) AS key_orders,
                  (SELECT sum(orders)::int FROM reco_order_daily) AS orders,
                  (SELECT sum(revenue)::float FROM reco_order_daily) AS order_revenue`
        ).then((r) => r[0])
      expect(await metrics()).toEqual({ revenue: 45, revenue_orders: 1, items: 3, key_orders: 1, orders: 1, order_revenue: 45 })

      await returnItems(container, orderId, [{ id: lineId, quantity: 1 }])
      await eventually(async () => {
        expect((await attributions(orderId))[0]).toMatchObject({ returned_quantity: 1, reversed_revenue: 15, status: "active" })
      })
      expect(await metrics()).toEqual({ revenue: 30, revenue_orders: 1, items: 2, key_orders: 1, orders: 1, order_revenue: 30 })
      expect((await rows(`SELECT status FROM reco_event WHERE type = 'purchase' AND order_id = $1`, [orderId]))[0]!.status).toBe("active")

      await returnItems(container, orderId, [{ id: lineId, quantity: 2 }])
      await eventually(async () => {
        expect((await attributions(orderId))[0]).toMatchObject({ returned_quantity: 3, reversed_revenue: 45, status: "returned" })
      })
      // The order still happened (AOV counts it) but earned nothing.
      expect(await metrics()).toEqual({ revenue: 0, revenue_orders: 0, items: 0, key_orders: 0, orders: 1, order_revenue: 0 })
      expect((await rows(`SELECT status FROM reco_event WHERE type = 'purchase' AND order_id = $1`, [orderId]))[0]!.status).toBe("returned")
    })

    it("an EUR and a USD order are each attributed in their own currency; revenue is never summed across currencies", async () => {
      const container = getContainer()
      const p = store.product
      const usdShipping = await enableUsdShipping(container, store)
      await publishServedRun(container, "trending", (w) => w.segment("all", [p.mug, p.teapot].map((x, i) => ({ productId: x.id, score: 2 - i }))))
      const buy = async (email: string, region: string, plan: Parameters<typeof placeOrder>[2]) => {
        const { shopper } = await Shopper.register(api, store, email)
        const list = await fetchList(api, shopper, { placement: "trending", region_id: region })
        // Impressions are reported, so only what was reported counts as shown (the teapot was not).
        await shopper.sendEvents([
          { type: "impression", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id },
          { type: "click", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id },
        ])
        return placeOrder(api, shopper, plan)
      }
      const eurOrderId = await buy("eur@example.com", store.regionEur.id, eurOrder(store, "eur@example.com", [{ variantId: p.mug.variantId, quantity: 2 }]))
      const usdOrderId = await buy("usd@example.com", store.regionUsd.id, {
        regionId: store.regionUsd.id,
        countryCode: "us",
        shippingOptionId: usdShipping,
        salesChannelId: store.salesChannelId,
        items: [
          { variantId: p.mug.variantId, quantity: 1 },
          { variantId: p.teapot.variantId, quantity: 1 },
        ],
        email: "usd@example.com",
      })
      await waitForOrderOutcome(dbConfig.clientUrl, eurOrderId)
      await waitForOrderOutcome(dbConfig.clientUrl, usdOrderId)
      expect((await attributions(eurOrderId)).map((a) => [a.currency_code, a.revenue])).toEqual([["eur", 30]])
      expect((await attributions(usdOrderId)).map((a) => [a.currency_code, a.revenue])).toEqual([["usd", 17]])

      const admin = await createAdminSession(container, api)
      const { data } = await api.get("/admin/recommendations/metrics", admin.headers)
      expect(data.kpis.attributed_revenue).toEqual([
        { currency_code: "eur", amount: 30 },
        { currency_code: "usd", amount: 17 },
      ])
      expect(data.kpis.attributed_orders).toBe(2)
      expect(data.kpis.aov_with_recommendations).toEqual([
        { currency_code: "eur", amount: 30, orders: 1 },
        { currency_code: "usd", amount: 17 + 18, orders: 1 },
      ])
      expect(data.by_placement[0].revenue).toEqual(data.kpis.attributed_revenue)
      expect(data.series.at(-1).revenue).toEqual(data.kpis.attributed_revenue)
    })

    it("a guest who clicked, then logged in and bought, is attributed; a served list with no reported impressions counts as shown; erasure unnames it", async () => {
      const container = getContainer()
      const p = store.product
      await publishServedRun(container, "trending", (w) => w.segment("all", [p.mug, p.teapot].map((x, i) => ({ productId: x.id, score: 2 - i }))))
      const anonymousId = "anon-guest-attribution-1"
      const guest = new Shopper(api, store, { "x-reco-anonymous-id": anonymousId })
      const list = await fetchList(api, guest, { placement: "trending", region_id: store.regionEur.id })
      // This storefront reports clicks but no impressions.
      await guest.sendEvents([{ type: "click", product_id: p.mug.id, placement: "trending", recommendation_id: list.recommendation_id }])
      await flushServed()

      const { shopper, customerId } = await Shopper.register(api, store, "guest-then-customer@example.com")
      // The first events request with the login and the old anonymous id merges the history.
      expect((await shopper.sendEvents([{ type: "view", product_id: p.sandal.id }], { "x-reco-anonymous-id": anonymousId })).status).toBe(202)
      expect(await rows(`SELECT actor_type, actor_id FROM reco_served_recommendation WHERE id = $1`, [list.recommendation_id])).toEqual([
        { actor_type: "customer", actor_id: customerId },
      ])

      const orderId = await placeOrder(
        api,
        shopper,
        eurOrder(store, "guest-then-customer@example.com", [
          { variantId: p.mug.variantId, quantity: 1 },
          { variantId: p.teapot.variantId, quantity: 1 },
        ])
      )
      await waitForOrderOutcome(dbConfig.clientUrl, orderId)
      const byProduct = new Map((await attributions(orderId)).map((a) => [a.product_id, a]))
      expect(byProduct.get(p.mug.id)).toMatchObject({ touch: "click", recommendation_id: list.recommendation_id, actor_id: customerId })
      expect(byProduct.get(p.teapot.id)).toMatchObject({ touch: "impression", recommendation_id: list.recommendation_id, placement: "trending" })

      // Erasing the customer keeps the revenue records but no longer names them.
      await recommendations(container).eraseCustomer(customerId)
      expect(new Set((await attributions(orderId)).map((a) => a.actor_id))).toEqual(new Set(["erased"]))
      expect(await rows(`SELECT actor_id FROM reco_order_outcome WHERE order_id = $1`, [orderId])).toEqual([{ actor_id: "erased" }])
      expect(await rows(`SELECT count(*)::int AS n FROM reco_served_recommendation WHERE actor_id = $1`, [customerId])).toEqual([{ n: 0 }])
    })
  },
})
