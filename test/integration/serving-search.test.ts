import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createServingCatalog, recommendations, type ServingCatalog } from "../helpers/serving-fixtures"

jest.setTimeout(240_000)

type Product = { id: string; title: string }
type SearchBody = { products: Product[]; count: number; offset: number; limit: number; personalized: boolean; recommendation_id: string; message?: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    const headers = (anonymousId?: string) => ({
      "x-publishable-api-key": store.publishableKey,
      ...(anonymousId ? { "x-reco-anonymous-id": anonymousId } : {}),
    })
    const search = async (params: Record<string, string | number>, anonymousId?: string) =>
      (await api.get("/store/recommendations/search", { params, headers: headers(anonymousId), validateStatus: () => true })) as {
        status: number
        data: SearchBody
      }
    const medusaSearch = async (params: Record<string, string | number>) =>
      (await api.get("/store/products", { params, headers: headers() })).data as { products: Product[]; count: number }
    // Views one second apart, in the given order, so "latest view" is never a tie.
    const view = (anonymousId: string, productIds: string[]) => {
      const start = Date.now() - productIds.length * 1000
      return api.post(
        "/store/recommendations/events",
        { events: productIds.map((product_id, i) => ({ type: "view", product_id, occurred_at: new Date(start + i * 1000).toISOString() })) },
        { headers: headers(anonymousId) }
      )
    }
    const kitchen = () => new Set([store.product["espresso-cups"].id, store.product.mug.id, store.product.teapot.id, store.product["coffee-beans"].id, store.product["stocked-scale"].id, store.product["backorder-grinder"].id, store.product["sold-out-kettle"].id])

    beforeEach(async () => {
      store = await createServingCatalog(getContainer())
      await eventually(async () => {
        const n = await withPg(dbConfig.clientUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM reco_product`)).rows[0].n)
        expect(n).toBe(13)
      })
    })

    it("personalize=false is Medusa's own search: same products, order, count and pages as GET /store/products?q=", async () => {
      for (const page of [{ offset: 0, limit: 4 }, { offset: 4, limit: 4 }]) {
        const ours = await search({ q: "e", personalize: "false", fields: "id,title,*variants.calculated_price", region_id: store.regionEur.id, ...page })
        const medusa = await medusaSearch({ q: "e", fields: "id,title,*variants.calculated_price", region_id: store.regionEur.id, ...page })
        expect(ours.status).toBe(200)
        expect(ours.data.personalized).toBe(false)
        expect(ours.data.products).toEqual(medusa.products)
        expect(ours.data.count).toBe(medusa.count)
      }
    })

    it("re-ranks the same matches by what the shopper viewed, and pages after re-ranking", async () => {
      const all = await medusaSearch({ q: "e", limit: 50, fields: "id" })
      expect(all.count).toBeGreaterThan(6)
      const kitchenFan = "kitchen-fan-0001"
      await view(kitchenFan, [store.product.teapot.id, store.product.mug.id])
      const shoeFan = "shoe-fan-000001"
      await view(shoeFan, [store.product["trail-shoe"].id, store.product["road-shoe"].id])

      const forKitchen = await search({ q: "e", limit: 50, fields: "id,title" }, kitchenFan)
      const forShoes = await search({ q: "e", limit: 50, fields: "id,title" }, shoeFan)
      expect(forKitchen.data.personalized).toBe(true)
      // Same result set as Medusa's search, different order per shopper.
      for (const r of [forKitchen, forShoes]) {
        expect(r.data.count).toBe(all.count)
        expect(new Set(r.data.products.map((p) => p.id))).toEqual(new Set(all.products.map((p) => p.id)))
      }
      expect(kitchen().has(forKitchen.data.products[0]!.id)).toBe(true)
      // The two shoes viewed lead (their order also weighs Medusa's own ranking).
      expect(new Set(forShoes.data.products.slice(0, 2).map((p) => p.id))).toEqual(new Set([store.product["road-shoe"].id, store.product["trail-shoe"].id]))
      expect(forKitchen.data.products.map((p) => p.id)).not.toEqual(forShoes.data.products.map((p) => p.id))

      // Pages are slices of the re-ranked order: no duplicates, nothing skipped.
      const first = await search({ q: "e", limit: 3, offset: 0, fields: "id" }, kitchenFan)
      const second = await search({ q: "e", limit: 3, offset: 3, fields: "id" }, kitchenFan)
      expect([...first.data.products, ...second.data.products].map((p) => p.id)).toEqual(
        forKitchen.data.products.slice(0, 6).map((p) => p.id)
      )

      // Each results page is logged for attribution.
      await recommendations(getContainer()).serving.served.flush()
      const logged = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT placement, actor_id, items FROM reco_served_recommendation WHERE id = $1`, [first.data.recommendation_id])).rows
      )
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatchObject({ placement: "search", actor_id: kitchenFan })
      expect(logged[0].items.map((i: { product_id: string }) => i.product_id)).toEqual(first.data.products.map((p) => p.id))
    })

    it("with search switched off in the settings, everyone gets Medusa's order", async () => {
      const shopper = "kitchen-fan-0002"
      await view(shopper, [store.product.teapot.id, store.product.mug.id])
      const service = recommendations(getContainer())
      const settings = await service.readSettings()
      await service.updateSettings({ placements: { ...settings.placements, search: false } }, "test")
      const ours = await search({ q: "e", limit: 50, fields: "id" }, shopper)
      const medusa = await medusaSearch({ q: "e", limit: 50, fields: "id" })
      expect(ours.data.personalized).toBe(false)
      expect(ours.data.products.map((p) => p.id)).toEqual(medusa.products.map((p) => p.id))
    })

    it("rejects bad search parameters with 400 and a message", async () => {
      const cases: Array<[Record<string, string | number>, RegExp]> = [
        [{}, /q/],
        [{ q: " " }, /q must not be empty/],
        [{ q: "e", personalize: "maybe" }, /personalize/],
        [{ q: "e", limit: 0 }, /limit/],
        [{ q: "e", limit: 1000 }, /limit/],
        [{ q: "e", customer_id: "cus_1" }, /customer_id/],
      ]
      for (const [params, message] of cases) {
        const res = await search(params)
        expect({ params, status: res.status }).toEqual({ params, status: 400 })
        expect(res.data.message).toMatch(message)
      }
    })
  },
})
