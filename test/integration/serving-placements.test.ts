import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createServingCatalog, publishRun, recommendations, type ServingCatalog } from "../helpers/serving-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(240_000)

type Item = { product: { id: string; title: string; variants?: Array<{ calculated_price?: { calculated_amount: number; currency_code: string } }> }; score: number; reason: { code: string; text: string; source_product_id?: string } }
type Body = { recommendation_id: string; placement: string; model: { run_id: string; kind: string } | null; fallback: string | null; items: Item[]; message?: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    const ids = (body: Body) => body.items.map((i) => i.product.id)
    const get = async (params: Record<string, string | number>, headers: Record<string, string> = {}) => {
      const res = await api.get("/store/recommendations", {
        params,
        headers: { "x-publishable-api-key": store.publishableKey, ...headers },
        validateStatus: () => true,
      })
      return res as { status: number; data: Body }
    }

    beforeEach(async () => {
      store = await createServingCatalog(getContainer())
      // The product subscribers mirror the catalogue (categories, channels) for rules and reasons.
      await eventually(async () => {
        const n = await withPg(dbConfig.clientUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM reco_product`)).rows[0].n)
        expect(n).toBe(13)
      })
    })

    it("trending: the region's list with a regional reason, prices in that region's currency, only buyable products", async () => {
      const p = store.product
      const trendingList = [
        p["sold-out-kettle"], p["trail-shoe"], p["outlet-jacket"], p["draft-hat"], p["backorder-grinder"], p.mug, p["stocked-scale"],
      ].map((x, i) => ({ productId: x.id, score: 10 - i }))
      await publishRun(getContainer(), "trending", async (w) => {
        await w.segment(`region:${store.regionEur.id}`, trendingList)
        await w.segment("all", [{ productId: p.teapot.id, score: 1 }])
      })
      const eur = await get({ placement: "trending", region_id: store.regionEur.id, limit: 10 })
      expect(eur.status).toBe(200)
      // Sold out, outlet-only and draft products are dropped; backorders and stocked products stay.
      expect(ids(eur.data)).toEqual([p["trail-shoe"].id, p["backorder-grinder"].id, p.mug.id, p["stocked-scale"].id])
      expect(eur.data.items[0]!.reason).toEqual({ code: "trending_in_region", text: "Trending in Europe" })
      expect(eur.data.model?.kind).toBe("trending")
      expect(eur.data.items[0]!.product.variants![0]!.calculated_price).toMatchObject({ currency_code: "eur" })

      // USD region has no regional list: the store-wide list, USD prices, no regional claim.
      const usd = await get({ placement: "trending", region_id: store.regionUsd.id, limit: 10 })
      expect(ids(usd.data)).toEqual([p.teapot.id])
      expect(usd.data.items[0]!.reason.text).toBe("Trending now")
      expect(usd.data.items[0]!.product.variants![0]!.calculated_price).toMatchObject({ currency_code: "usd" })
    })

    it("returns each product exactly as GET /store/products does for the same fields and region", async () => {
      const p = store.product
      await publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", [p.mug, p.teapot].map((x, i) => ({ productId: x.id, score: 2 - i })))
      })
      for (const region of [store.regionEur.id, store.regionUsd.id]) {
        const fields = "id,title,handle,*variants.calculated_price,variants.inventory_quantity"
        const reco = await get({ placement: "trending", region_id: region, fields })
        const { data } = await api.get("/store/products", {
          params: { id: [p.mug.id, p.teapot.id], region_id: region, fields },
          headers: { "x-publishable-api-key": store.publishableKey },
        })
        const byId = new Map((data.products as Array<{ id: string }>).map((x) => [x.id, x]))
        expect(reco.data.items.map((i) => i.product)).toEqual([byId.get(p.mug.id), byId.get(p.teapot.id)])
      }
    })

    it("an empty store answers 200 with an empty list", async () => {
      const res = await get({ placement: "for_you" })
      expect(res.status).toBe(200)
      expect(res.data.items).toEqual([])
      expect(res.data.recommendation_id).toMatch(/^rec_/)
    })

    it("rejects bad parameters with 400 and a message", async () => {
      const cases: Array<[Record<string, string | number>, RegExp]> = [
        [{ placement: "homepage" }, /placement/],
        [{ placement: "for_you", limit: 0 }, /limit/],
        [{ placement: "for_you", limit: 1000 }, /limit/],
        [{ placement: "related" }, /product_id is required/],
        [{ placement: "bought_together" }, /product_id is required/],
        [{ placement: "cart" }, /cart_id is required/],
        [{ placement: "cart", cart_id: "order_123" }, /cart_id/],
        [{ placement: "for_you", customer_id: "cus_123" }, /customer_id/],
      ]
      for (const [params, message] of cases) {
        const res = await get(params)
        expect({ params, status: res.status }).toEqual({ params, status: 400 })
        expect(res.data.message).toMatch(message)
      }
    })

    it("a cart of another customer is a 404, never their items", async () => {
      const alice = await Shopper.register(api, store, "alice@example.com")
      const bob = await Shopper.register(api, store, "bob@example.com")
      const cartId = await alice.shopper.createCart()
      await alice.shopper.addItem(cartId, store.product.mug.variantId, 1)
      const res = await api.get("/store/recommendations", {
        params: { placement: "cart", cart_id: cartId },
        headers: bob.shopper.headers(),
        validateStatus: () => true,
      })
      expect(res.status).toBe(404)
      expect(JSON.stringify(res.data)).not.toContain(store.product.mug.id)
      const anonymous = await get({ placement: "cart", cart_id: cartId })
      expect(anonymous.status).toBe(404)
      const own = await api.get("/store/recommendations", { params: { placement: "cart", cart_id: cartId }, headers: alice.shopper.headers() })
      expect(own.status).toBe(200)
      void recommendations
    })
  },
})
