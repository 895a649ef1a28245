import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import {
  addRule,
  addShoes,
  createPublishableKey,
  createServingCatalog,
  idsOf,
  publishRun,
  recommendations,
  recommendationsClient,
  type ServingCatalog,
  type ServingHandle,
  waitForCatalogMirror,
} from "../helpers/serving-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(240_000)

/**
 * The rules every list passes through, over real HTTP: sales channel, stock, status, cart,
 * already bought, diversity and the merchant's own pin/boost/bury/exclude rules.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    let get: ReturnType<typeof recommendationsClient>
    const id = (handle: ServingHandle) => store.product[handle].id
    const ids = (...handles: ServingHandle[]) => handles.map(id)
    /** Publishes a store-wide trending list, best first. */
    const trending = (handles: ServingHandle[]) =>
      publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", handles.map((h, i) => ({ productId: id(h), score: 10 - i })))
      })
    const trendingIds = async (params: Record<string, string | number> = {}) => {
      const res = await get({ placement: "trending", limit: 20, ...params })
      expect(res.status).toBe(200)
      return idsOf(res.data)
    }

    beforeEach(async () => {
      store = await createServingCatalog(getContainer())
      get = recommendationsClient(api, store)
      await waitForCatalogMirror(dbConfig.clientUrl, 13)
    })

    describe("catalogue rules", () => {
      it("sales channel: an Outlet-only product never reaches the Webshop, in any placement, even pinned", async () => {
        await trending(["outlet-jacket", "teapot"])
        await publishRun(getContainer(), "item_neighbors", async (w) => {
          await w.neighbors("similar", id("mug"), ids("outlet-jacket", "teapot").map((productId, i) => ({ productId, score: 2 - i })))
        })
        await addRule(getContainer(), { action: "pin", targetType: "product", targetId: id("outlet-jacket"), position: 0 })

        expect(await trendingIds()).toEqual(ids("teapot"))
        expect(idsOf((await get({ placement: "related", product_id: id("mug") })).data)).toEqual(ids("teapot"))

        // The Outlet's own storefront does get it (and not the Webshop's teapot).
        const outletKey = await createPublishableKey(getContainer(), store.otherSalesChannelId)
        const outlet = await get({ placement: "trending" }, { "x-publishable-api-key": outletKey })
        expect(outlet.status).toBe(200)
        expect(idsOf(outlet.data)).toEqual(ids("outlet-jacket"))
      })

      it("related: sold-out and draft products are left out, backordered and stocked ones stay", async () => {
        await publishRun(getContainer(), "item_neighbors", async (w) => {
          const list = ids("sold-out-kettle", "backorder-grinder", "draft-hat", "stocked-scale", "teapot")
          await w.neighbors("similar", id("mug"), list.map((productId, i) => ({ productId, score: 10 - i })))
        })
        const res = await get({ placement: "related", product_id: id("mug") })
        expect(res.status).toBe(200)
        expect(idsOf(res.data)).toEqual(ids("backorder-grinder", "stocked-scale", "teapot"))
      })

      it("a product already in the shopper's cart is never recommended (for_you and trending with cart_id)", async () => {
        const anonymousId = `anon-cart-rule-${Date.now()}`
        const me = { "x-reco-anonymous-id": anonymousId }
        await publishRun(getContainer(), "for_you", async (w) => {
          await w.actorList("for_you", anonymousId, ids("teapot", "mug", "espresso-cups").map((productId, i) => ({ productId, score: 3 - i })))
        })
        await trending(["mug", "teapot", "espresso-cups"])
        const guest = new Shopper(api, store)
        const cartId = await guest.createCart()
        await guest.addItem(cartId, store.product.mug.variantId, 1)

        // Without the cart the mug is there; with it, it is not.
        expect(idsOf((await get({ placement: "for_you" }, me)).data)).toEqual(ids("teapot", "mug", "espresso-cups"))
        expect(idsOf((await get({ placement: "for_you", cart_id: cartId }, me)).data)).toEqual(ids("teapot", "espresso-cups"))
        expect(await trendingIds({ cart_id: cartId })).toEqual(ids("teapot", "espresso-cups"))
      })

      it("already bought: a product checked out disappears; a repeat-purchase product stays; recently_viewed keeps both", async () => {
        const email = "buyer-rules@example.com"
        const { shopper, customerId } = await Shopper.register(api, store, email)
        await publishRun(getContainer(), "for_you", async (w) => {
          await w.actorList("for_you", customerId, ids("mug", "coffee-beans", "teapot", "espresso-cups").map((productId, i) => ({ productId, score: 4 - i })))
        })
        await trending(["mug", "coffee-beans", "teapot"])
        const forYou = async () => idsOf((await get({ placement: "for_you" }, shopper.headers())).data)
        expect(await forYou()).toEqual(ids("mug", "coffee-beans", "teapot", "espresso-cups"))
        expect(idsOf((await get({ placement: "trending" }, shopper.headers())).data)).toEqual(ids("mug", "coffee-beans", "teapot"))

        const cartId = await shopper.createCart()
        await shopper.addItem(cartId, store.product.mug.variantId, 1)
        await shopper.addItem(cartId, store.product["coffee-beans"].variantId, 2)
        const orderId = await shopper.checkout(cartId, email)
        await eventually(async () => {
          const n = await withPg(dbConfig.clientUrl, async (c) =>
            (await c.query(`SELECT count(*)::int AS n FROM reco_event WHERE type = 'purchase' AND order_id = $1 AND actor_id = $2`, [orderId, customerId])).rows[0].n
          )
          expect(n).toBe(2)
        })

        expect(idsOf((await get({ placement: "trending" }, shopper.headers())).data)).toEqual(ids("coffee-beans", "teapot"))
        const recent = idsOf((await get({ placement: "recently_viewed" }, shopper.headers())).data)
        expect([...recent].sort()).toEqual(ids("mug", "coffee-beans").sort())

        // for_you also leaves out what was touched in the current session (the cart adds), so the
        // purchase is moved to an earlier visit to see the already-bought rule on its own.
        await withPg(dbConfig.clientUrl, (c) =>
          c.query(`UPDATE reco_event SET occurred_at = occurred_at - interval '3 hours' WHERE actor_id = $1`, [customerId])
        )
        expect(await forYou()).toEqual(ids("coffee-beans", "teapot", "espresso-cups"))
      })

      it("diversity: at most maxPerCategory products of one category in the top slots", async () => {
        const { maxPerCategory, topSlots } = recommendations(getContainer()).options.serving.diversity
        const extra = await addShoes(getContainer(), store, ["trail-runner", "court-shoe"])
        await waitForCatalogMirror(dbConfig.clientUrl, 15)
        const shoes = [...ids("trail-shoe", "road-shoe", "hiking-boot", "sandal"), ...extra.map((p) => p.id)]
        const kitchen = ids("espresso-cups", "teapot")
        await publishRun(getContainer(), "trending", async (w) => {
          await w.segment("all", [...shoes, ...kitchen].map((productId, i) => ({ productId, score: 10 - i })))
        })
        const limit = 5
        expect(limit).toBeGreaterThan(maxPerCategory) // the list's order alone would break the cap
        const served = await trendingIds({ limit })
        expect(served).toHaveLength(limit)
        const top = served.slice(0, Math.min(limit, topSlots))
        expect(top.filter((p) => shoes.includes(p)).length).toBeLessThanOrEqual(maxPerCategory)
        expect(served).toEqual(expect.arrayContaining(kitchen))
        // The best product keeps the first slot and the shoes keep their relative order.
        expect(served[0]).toBe(shoes[0])
        const servedShoes = served.filter((p) => shoes.includes(p))
        expect(servedShoes).toEqual(shoes.slice(0, servedShoes.length))
      })
    })

    describe("merchant rules", () => {
      const base: ServingHandle[] = ["teapot", "espresso-cups", "stocked-scale", "backorder-grinder", "coffee-beans"]

      it("pin: the product lands on its slot though no model proposed it, even when items before it dropped out", async () => {
        // Two unbuyable products lead the list; they drop out after the first rule pass.
        await trending(["sold-out-kettle", "draft-hat", ...base])
        await addRule(getContainer(), { action: "pin", targetType: "product", targetId: id("mug"), position: 1 })
        await addRule(getContainer(), { action: "pin", targetType: "product", targetId: id("sandal"), position: 2 })
        // A pinned product still has to be buyable.
        await addRule(getContainer(), { action: "pin", targetType: "product", targetId: id("sold-out-kettle"), position: 0 })

        const res = await get({ placement: "trending", limit: 20 })
        expect(idsOf(res.data)).toEqual(ids("teapot", "mug", "sandal", "espresso-cups", "stocked-scale", "backorder-grinder", "coffee-beans"))
        expect(res.data.items[1]!.reason).toEqual({ code: "pinned", text: "Featured" })
        expect(res.data.items[0]!.reason.code).toBe("trending")
      })

      it("exclude by product", async () => {
        await trending(base)
        await addRule(getContainer(), { action: "exclude", targetType: "product", targetId: id("espresso-cups") })
        expect(await trendingIds()).toEqual(ids("teapot", "stocked-scale", "backorder-grinder", "coffee-beans"))
      })

      it("exclude by category", async () => {
        await trending(["trail-shoe", "teapot", "road-shoe", "espresso-cups"])
        expect(await trendingIds()).toEqual(expect.arrayContaining(ids("trail-shoe", "road-shoe")))
        await addRule(getContainer(), { action: "exclude", targetType: "category", targetId: store.shoesCategoryId })
        expect(await trendingIds()).toEqual(ids("teapot", "espresso-cups"))
      })

      it("boost moves a product up; bury sends it after every other one", async () => {
        await trending(base)
        const boost = await addRule(getContainer(), { action: "boost", targetType: "product", targetId: id("coffee-beans"), weight: 1 })
        expect(await trendingIds()).toEqual(ids("coffee-beans", "teapot", "espresso-cups", "stocked-scale", "backorder-grinder"))
        await recommendations(getContainer()).deleteMerchantRule(boost.id)

        // A light bury still means last, whatever the score left after it.
        await addRule(getContainer(), { action: "bury", targetType: "product", targetId: id("teapot"), weight: 0.15 })
        expect(await trendingIds()).toEqual(ids("espresso-cups", "stocked-scale", "backorder-grinder", "coffee-beans", "teapot"))
      })

      it("bury holds against diversity: a buried product of another category is not pulled up for variety", async () => {
        await trending([...base, "sandal"])
        await addRule(getContainer(), { action: "bury", targetType: "product", targetId: id("sandal"), weight: 0.1 })
        expect(await trendingIds()).toEqual(ids(...base, "sandal"))
      })

      it("a placement-specific rule leaves other placements alone", async () => {
        await trending(base)
        await publishRun(getContainer(), "item_neighbors", async (w) => {
          await w.neighbors("similar", id("mug"), ids("teapot", "espresso-cups").map((productId, i) => ({ productId, score: 2 - i })))
        })
        await addRule(getContainer(), { action: "exclude", targetType: "product", targetId: id("teapot"), placement: "related" })
        await addRule(getContainer(), { action: "pin", targetType: "product", targetId: id("sandal"), position: 0, placement: "related" })
        expect(await trendingIds()).toEqual(ids(...base))
        expect(idsOf((await get({ placement: "related", product_id: id("mug") })).data)).toEqual(ids("sandal", "espresso-cups"))
      })

      it("time windows: a rule that has not started or has ended does nothing; one running now applies", async () => {
        await trending(base)
        const hour = 3_600_000
        const now = Date.now()
        await addRule(getContainer(), { action: "exclude", targetType: "product", targetId: id("teapot"), startsAt: new Date(now + hour) })
        await addRule(getContainer(), {
          action: "exclude",
          targetType: "product",
          targetId: id("espresso-cups"),
          startsAt: new Date(now - 2 * hour),
          endsAt: new Date(now - hour),
        })
        await addRule(getContainer(), { action: "pin", targetType: "product", targetId: id("mug"), position: 0, endsAt: new Date(now - hour) })
        expect(await trendingIds()).toEqual(ids(...base))

        await addRule(getContainer(), {
          action: "exclude",
          targetType: "product",
          targetId: id("stocked-scale"),
          startsAt: new Date(now - hour),
          endsAt: new Date(now + hour),
        })
        expect(await trendingIds()).toEqual(ids("teapot", "espresso-cups", "backorder-grinder", "coffee-beans"))
      })

      it("collection targets: pin the collection's best product, exclude the whole collection", async () => {
        await trending(base)
        const pin = await addRule(getContainer(), { action: "pin", targetType: "collection", targetId: store.kitchenCollectionId, position: 0 })
        // espresso-cups is the best-ranked product of "Coffee corner".
        expect(await trendingIds()).toEqual(ids("espresso-cups", "teapot", "stocked-scale", "backorder-grinder", "coffee-beans"))
        await recommendations(getContainer()).deleteMerchantRule(pin.id)

        await addRule(getContainer(), { action: "exclude", targetType: "collection", targetId: store.kitchenCollectionId })
        expect(await trendingIds()).toEqual(ids("teapot", "stocked-scale", "backorder-grinder"))
      })
    })
  },
})
