import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import {
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

/**
 * The personal side of GET /store/recommendations over real HTTP: every placement's list,
 * reasons and model, the fallbacks, live session evidence, privacy between shoppers, the
 * served log and the switch to a newly activated run.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    let get: ReturnType<typeof recommendationsClient>
    let anonCounter = 0
    /** A fresh anonymous shopper id, sent the way a headless storefront does. */
    const anonymous = () => {
      const id = `anon-personal-${Date.now()}-${++anonCounter}`
      return { id, headers: { "x-reco-anonymous-id": id } }
    }
    const view = async (anonHeaders: Record<string, string>, productId: string, occurredAt?: Date) => {
      const res = await new Shopper(api, store).sendEvents(
        [{ type: "view", product_id: productId, ...(occurredAt ? { occurred_at: occurredAt.toISOString() } : {}) }],
        anonHeaders
      )
      expect(res.status).toBe(202)
    }

    beforeEach(async () => {
      store = await createServingCatalog(getContainer())
      get = recommendationsClient(api, store)
      await waitForCatalogMirror(dbConfig.clientUrl, 13)
    })

    describe("each placement: its list, in order, with its reason and model", () => {
      it("for_you: the customer's own list with 'inspired by' reasons naming the source product", async () => {
        const p = store.product
        const { shopper, customerId } = await Shopper.register(api, store, "fy@example.com")
        const runId = await publishRun(getContainer(), "for_you", async (w) => {
          await w.actorList("for_you", customerId, [
            { productId: p.teapot.id, score: 0.9, reason: { source_product_id: p.mug.id } },
            { productId: p["espresso-cups"].id, score: 0.8, reason: { source_product_id: p.mug.id } },
            { productId: p["stocked-scale"].id, score: 0.7, reason: { source_product_id: p.teapot.id } },
          ])
        })
        const res = await get({ placement: "for_you", limit: 10 }, shopper.headers())
        expect(res.status).toBe(200)
        expect(idsOf(res.data)).toEqual([p.teapot.id, p["espresso-cups"].id, p["stocked-scale"].id])
        expect(res.data.model).toMatchObject({ run_id: runId, kind: "for_you" })
        expect(res.data.fallback).toBeNull()
        expect(res.data.items.map((i) => i.reason)).toEqual([
          { code: "because_you_interacted", text: "Inspired by Mug", source_product_id: p.mug.id },
          { code: "because_you_interacted", text: "Inspired by Mug", source_product_id: p.mug.id },
          { code: "because_you_interacted", text: "Inspired by Teapot", source_product_id: p.teapot.id },
        ])
        // Scores are served in descending order and the products are full store products.
        const scores = res.data.items.map((i) => i.score)
        expect([...scores].sort((a, b) => b - a)).toEqual(scores)
        expect(res.data.items[0]!.product.title).toBe("Teapot")
      })

      it("related: products viewed together with the page's product, the reason naming it", async () => {
        const p = store.product
        const runId = await publishRun(getContainer(), "item_neighbors", async (w) => {
          await w.neighbors("similar", p.mug.id, [p.teapot, p["espresso-cups"], p["coffee-beans"]].map((x, i) => ({ productId: x.id, score: 5 - i })))
          // Another product's list must not leak into this one.
          await w.neighbors("similar", p.teapot.id, [{ productId: p["stocked-scale"].id, score: 9 }])
        })
        const res = await get({ placement: "related", product_id: p.mug.id })
        expect(res.status).toBe(200)
        expect(idsOf(res.data)).toEqual([p.teapot.id, p["espresso-cups"].id, p["coffee-beans"].id])
        expect(res.data.model).toMatchObject({ run_id: runId, kind: "item_neighbors" })
        expect(res.data.fallback).toBeNull()
        for (const item of res.data.items) {
          expect(item.reason.code).toBe("viewed_together")
          expect(item.reason.source_product_id).toBe(p.mug.id)
          expect(item.reason.text).toContain("Mug")
        }
      })

      it("bought_together: the product's complements, the reason naming it", async () => {
        const p = store.product
        const runId = await publishRun(getContainer(), "item_neighbors", async (w) => {
          await w.neighbors("complement", p.mug.id, [{ productId: p["coffee-beans"].id, score: 3 }, { productId: p["espresso-cups"].id, score: 2 }])
          // Behaviour "similar" lists are not complements.
          await w.neighbors("similar", p.mug.id, [{ productId: p.teapot.id, score: 9 }])
        })
        const res = await get({ placement: "bought_together", product_id: p.mug.id })
        expect(res.status).toBe(200)
        expect(idsOf(res.data)).toEqual([p["coffee-beans"].id, p["espresso-cups"].id])
        expect(res.data.model).toMatchObject({ run_id: runId, kind: "item_neighbors" })
        expect(res.data.fallback).toBeNull()
        expect(res.data.items[0]!.reason).toEqual({ code: "bought_together", text: "Often bought with Mug", source_product_id: p.mug.id })
      })

      it("cart: complements of the lines of a real store cart, never a product already in it", async () => {
        const p = store.product
        const runId = await publishRun(getContainer(), "item_neighbors", async (w) => {
          await w.neighbors("complement", p.mug.id, [
            { productId: p["coffee-beans"].id, score: 10 },
            { productId: p.teapot.id, score: 5 },
            { productId: p["trail-shoe"].id, score: 4 }, // in the cart
          ])
          await w.neighbors("complement", p["trail-shoe"].id, [
            { productId: p["coffee-beans"].id, score: 10 },
            { productId: p.sandal.id, score: 8 },
            { productId: p.mug.id, score: 6 }, // in the cart
          ])
          await w.neighbors("complement", p["road-shoe"].id, [{ productId: p["hiking-boot"].id, score: 10 }]) // not in the cart
        })
        const guest = new Shopper(api, store)
        const cartId = await guest.createCart()
        await guest.addItem(cartId, p.mug.variantId, 1)
        await guest.addItem(cartId, p["trail-shoe"].variantId, 1)

        const res = await get({ placement: "cart", cart_id: cartId })
        expect(res.status).toBe(200)
        // coffee-beans completes both lines (2.0); sandal is 0.8 of trail-shoe's best, teapot 0.5 of mug's.
        expect(idsOf(res.data)).toEqual([p["coffee-beans"].id, p.sandal.id, p.teapot.id])
        expect(res.data.model).toMatchObject({ run_id: runId, kind: "item_neighbors" })
        expect(res.data.fallback).toBeNull()
        const titles: Record<string, string> = { [p.mug.id]: "Mug", [p["trail-shoe"].id]: "Trail Shoe" }
        for (const item of res.data.items) {
          expect(item.reason.code).toBe("complements_cart")
          expect(Object.keys(titles)).toContain(item.reason.source_product_id)
          expect(item.reason.text).toBe(`Goes well with ${titles[item.reason.source_product_id!]} in your cart`)
        }
        expect(res.data.items[1]!.reason.source_product_id).toBe(p["trail-shoe"].id)
        expect(res.data.items[2]!.reason.source_product_id).toBe(p.mug.id)
      })

      it("recently_viewed: the shopper's own views, newest first, no model", async () => {
        const p = store.product
        const me = anonymous()
        const someoneElse = anonymous()
        const now = Date.now()
        await view(me.headers, p.mug.id, new Date(now - 3 * 60_000))
        await view(me.headers, p["trail-shoe"].id, new Date(now - 2 * 60_000))
        await view(me.headers, p.teapot.id, new Date(now - 60_000))
        await view(someoneElse.headers, p.sandal.id)

        const res = await get({ placement: "recently_viewed" }, me.headers)
        expect(res.status).toBe(200)
        // Newest first, even across categories (no diversity re-ranking here).
        expect(idsOf(res.data)).toEqual([p.teapot.id, p["trail-shoe"].id, p.mug.id])
        expect(res.data.items[0]!.reason).toEqual({ code: "recently_viewed", text: "You viewed this recently" })
        expect(res.data.model).toBeNull()
        expect(res.data.fallback).toBeNull()

        const other = await get({ placement: "recently_viewed" }, someoneElse.headers)
        expect(idsOf(other.data)).toEqual([p.sandal.id])
      })
    })

    describe("fallbacks", () => {
      it("a new shopper gets trending in their region, marked as the trending fallback", async () => {
        const p = store.product
        const runId = await publishRun(getContainer(), "trending", async (w) => {
          await w.segment(`region:${store.regionEur.id}`, [p.sandal, p["hiking-boot"]].map((x, i) => ({ productId: x.id, score: 2 - i })))
          await w.segment("all", [{ productId: p.teapot.id, score: 1 }])
        })
        // A for_you model exists, but has nothing for this shopper.
        await publishRun(getContainer(), "for_you", async (w) => {
          await w.actorList("for_you", "somebody-else-1", [{ productId: p.mug.id, score: 1 }])
        })
        const res = await get({ placement: "for_you", region_id: store.regionEur.id }, anonymous().headers)
        expect(res.status).toBe(200)
        expect(idsOf(res.data)).toEqual([p.sandal.id, p["hiking-boot"].id])
        expect(res.data.fallback).toBe("trending")
        expect(res.data.model).toMatchObject({ run_id: runId, kind: "trending" })
        expect(res.data.items[0]!.reason).toEqual({ code: "trending_in_region", text: "Trending in Europe" })

        // Related and cart fall back the same way when they have nothing of their own.
        const related = await get({ placement: "related", product_id: p.mug.id, region_id: store.regionEur.id })
        expect(idsOf(related.data)).toEqual([p.sandal.id, p["hiking-boot"].id])
        expect(related.data.fallback).toBe("trending")
      })

      it("a product without behaviour lists gets content-similar products, marked as the content fallback", async () => {
        const p = store.product
        await publishRun(getContainer(), "item_neighbors", async (w) => {
          // Behaviour exists, but only for other products.
          await w.neighbors("similar", p.teapot.id, [{ productId: p["espresso-cups"].id, score: 1 }])
          await w.neighbors("complement", p.teapot.id, [{ productId: p["espresso-cups"].id, score: 1 }])
        })
        const contentRunId = await publishRun(getContainer(), "content", async (w) => {
          await w.neighbors("content", p.mug.id, [p["espresso-cups"], p.teapot].map((x, i) => ({ productId: x.id, score: 0.9 - i / 10 })))
        })
        await publishRun(getContainer(), "trending", async (w) => {
          await w.segment("all", [{ productId: p.sandal.id, score: 1 }])
        })
        for (const placement of ["related", "bought_together"]) {
          const res = await get({ placement, product_id: p.mug.id })
          expect(res.status).toBe(200)
          expect({ placement, ids: idsOf(res.data) }).toEqual({ placement, ids: [p["espresso-cups"].id, p.teapot.id] })
          expect(res.data.fallback).toBe("content")
          expect(res.data.model).toMatchObject({ run_id: contentRunId, kind: "content" })
          expect(res.data.items[0]!.reason).toEqual({ code: "similar_to", text: "Similar to Mug", source_product_id: p.mug.id })
        }
      })

      it("with nothing at all every placement answers 200 with an empty list", async () => {
        const p = store.product
        const guest = new Shopper(api, store)
        const cartId = await guest.createCart()
        await guest.addItem(cartId, p.mug.variantId, 1)
        const cases: Array<Record<string, string>> = [
          { placement: "for_you" },
          { placement: "trending" },
          { placement: "related", product_id: p.mug.id },
          { placement: "bought_together", product_id: p.mug.id },
          { placement: "cart", cart_id: cartId },
          { placement: "recently_viewed" },
        ]
        for (const params of cases) {
          const res = await get(params, anonymous().headers)
          expect({ params, status: res.status, items: res.data.items, fallback: res.data.fallback }).toEqual({
            params,
            status: 200,
            items: [],
            fallback: null,
          })
          expect(res.data.recommendation_id).toMatch(/^rec_/)
        }
      })
    })

    it("real time: a view changes the very next for_you (session neighbours, viewed products left out) and recently_viewed", async () => {
      const p = store.product
      await publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", [p.sandal, p["hiking-boot"]].map((x, i) => ({ productId: x.id, score: 2 - i })))
      })
      const sessionRunId = await publishRun(getContainer(), "session", async (w) => {
        await w.neighbors("next", p.mug.id, [{ productId: p.teapot.id, score: 10 }, { productId: p["espresso-cups"].id, score: 6 }])
        await w.neighbors("next", p.teapot.id, [{ productId: p.mug.id, score: 10 }, { productId: p["stocked-scale"].id, score: 5 }])
      })
      await publishRun(getContainer(), "item_neighbors", async (w) => {
        await w.neighbors("similar", p.mug.id, [{ productId: p["coffee-beans"].id, score: 10 }, { productId: p.teapot.id, score: 5 }])
      })
      const me = anonymous()

      const before = await get({ placement: "for_you" }, me.headers)
      expect(idsOf(before.data)).toEqual([p.sandal.id, p["hiking-boot"].id])
      expect(before.data.fallback).toBe("trending")

      await view(me.headers, p.mug.id)
      const afterMug = await get({ placement: "for_you" }, me.headers)
      // next(mug) weighs more than similar(mug); teapot is in both.
      expect(idsOf(afterMug.data)).toEqual([p.teapot.id, p["espresso-cups"].id, p["coffee-beans"].id])
      expect(afterMug.data.fallback).toBeNull()
      expect(afterMug.data.model).toMatchObject({ run_id: sessionRunId, kind: "session" })
      for (const item of afterMug.data.items) {
        expect(item.reason).toEqual({ code: "because_you_viewed", text: "Because you viewed Mug", source_product_id: p.mug.id })
      }
      expect(idsOf((await get({ placement: "recently_viewed" }, me.headers)).data)).toEqual([p.mug.id])

      await view(me.headers, p.teapot.id)
      const afterTeapot = await get({ placement: "for_you" }, me.headers)
      // The newest view leads; both viewed products (mug is teapot's "next") are left out.
      expect(idsOf(afterTeapot.data)).toEqual([p["stocked-scale"].id, p["espresso-cups"].id, p["coffee-beans"].id])
      expect(afterTeapot.data.items[0]!.reason).toEqual({
        code: "because_you_viewed",
        text: "Because you viewed Teapot",
        source_product_id: p.teapot.id,
      })
      expect(afterTeapot.data.items[1]!.reason.source_product_id).toBe(p.mug.id)
      expect(idsOf((await get({ placement: "recently_viewed" }, me.headers)).data)).toEqual([p.teapot.id, p.mug.id])
    })

    it("views from an earlier session do not steer for_you, but stay in recently_viewed", async () => {
      const p = store.product
      await publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", [{ productId: p.sandal.id, score: 1 }])
      })
      await publishRun(getContainer(), "session", async (w) => {
        await w.neighbors("next", p.mug.id, [{ productId: p.teapot.id, score: 10 }])
      })
      const me = anonymous()
      const gapMinutes = recommendations(getContainer()).options.serving.sessionGapMinutes
      await view(me.headers, p.mug.id, new Date(Date.now() - (gapMinutes + 5) * 60_000))
      const res = await get({ placement: "for_you" }, me.headers)
      expect(idsOf(res.data)).toEqual([p.sandal.id])
      expect(res.data.fallback).toBe("trending")
      expect(idsOf((await get({ placement: "recently_viewed" }, me.headers)).data)).toEqual([p.mug.id])
    })

    it("privacy: a customer's personal list reaches neither another customer nor an anonymous shopper", async () => {
      const p = store.product
      const alice = await Shopper.register(api, store, "alice-private@example.com")
      const bob = await Shopper.register(api, store, "bob-private@example.com")
      const personal = [p.teapot, p["espresso-cups"], p["stocked-scale"]].map((x) => x.id)
      await publishRun(getContainer(), "for_you", async (w) => {
        await w.actorList("for_you", alice.customerId, personal.map((productId, i) => ({ productId, score: 3 - i, reason: { source_product_id: p.mug.id } })))
      })
      await publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", [p.sandal, p["hiking-boot"]].map((x, i) => ({ productId: x.id, score: 2 - i })))
      })

      const own = await get({ placement: "for_you" }, alice.shopper.headers())
      expect(idsOf(own.data)).toEqual(personal)

      const forBob = await get({ placement: "for_you" }, bob.shopper.headers())
      const forAnonymous = await get({ placement: "for_you" }, anonymous().headers)
      // An anonymous id equal to the customer id must not unlock the customer's list either.
      const impostor = await get({ placement: "for_you" }, { "x-reco-anonymous-id": alice.customerId })
      for (const [who, res] of Object.entries({ forBob, forAnonymous, impostor })) {
        expect({ who, status: res.status, ids: idsOf(res.data) }).toEqual({ who, status: 200, ids: [p.sandal.id, p["hiking-boot"].id] })
        expect(res.data.fallback).toBe("trending")
        expect(res.data.model?.kind).toBe("trending")
        expect(res.data.items.some((i) => i.reason.code === "because_you_interacted")).toBe(false)
      }

      // Nor her history, in either direction.
      expect((await alice.shopper.sendEvents([{ type: "view", product_id: p.mug.id }])).status).toBe(202)
      const impostorHeaders = { "x-reco-anonymous-id": alice.customerId }
      expect(idsOf((await get({ placement: "recently_viewed" }, impostorHeaders)).data)).toEqual([])
      expect((await new Shopper(api, store).sendEvents([{ type: "view", product_id: p.sandal.id }], impostorHeaders)).status).toBe(202)
      expect(idsOf((await get({ placement: "recently_viewed" }, alice.shopper.headers())).data)).toEqual([p.mug.id])
    })

    it("served log: each response is recorded with its id, actor, placement, run and items in order", async () => {
      const p = store.product
      const { shopper, customerId } = await Shopper.register(api, store, "logged@example.com")
      const forYouRun = await publishRun(getContainer(), "for_you", async (w) => {
        await w.actorList("for_you", customerId, [p.teapot, p.mug, p["coffee-beans"]].map((x, i) => ({ productId: x.id, score: 3 - i, reason: { source_product_id: p["espresso-cups"].id } })))
      })
      const neighborsRun = await publishRun(getContainer(), "item_neighbors", async (w) => {
        await w.neighbors("similar", p.mug.id, [p["espresso-cups"], p.teapot].map((x, i) => ({ productId: x.id, score: 2 - i })))
      })
      const me = anonymous()
      const personal = await get({ placement: "for_you", region_id: store.regionEur.id }, shopper.headers())
      const related = await get({ placement: "related", product_id: p.mug.id }, me.headers)
      expect(personal.data.items).toHaveLength(3)
      expect(related.data.items).toHaveLength(2)

      await recommendations(getContainer()).serving.served.flush()
      const rows = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT * FROM reco_served_recommendation WHERE id = ANY($1)`, [[personal.data.recommendation_id, related.data.recommendation_id]])).rows
      )
      const byId = new Map(rows.map((r) => [r.id as string, r]))
      const asLogged = (items: typeof personal.data.items) =>
        items.map((i) => ({ product_id: i.product.id, score: i.score, reason_code: i.reason.code }))

      expect(byId.get(personal.data.recommendation_id)).toMatchObject({
        actor_type: "customer",
        actor_id: customerId,
        placement: "for_you",
        model_run_id: forYouRun,
        items: asLogged(personal.data.items),
        context: { region_id: store.regionEur.id, sales_channel_id: store.salesChannelId, product_id: null, cart_id: null },
      })
      expect(byId.get(related.data.recommendation_id)).toMatchObject({
        actor_type: "anonymous",
        actor_id: me.id,
        placement: "related",
        model_run_id: neighborsRun,
        items: asLogged(related.data.items),
        context: { product_id: p.mug.id },
      })
    })

    it("a newly activated run replaces the cached lists of its kind at once", async () => {
      const p = store.product
      const first = await publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", [p.mug, p.teapot].map((x, i) => ({ productId: x.id, score: 2 - i })))
      })
      const before = await get({ placement: "trending" })
      expect(idsOf(before.data)).toEqual([p.mug.id, p.teapot.id])
      expect(before.data.model?.run_id).toBe(first)
      // Served twice so the lists are certainly cached.
      expect((await get({ placement: "trending" })).data.model?.run_id).toBe(first)

      // Activated as a worker would: no call into this process, only the database's NOTIFY.
      const second = await publishRun(
        getContainer(),
        "trending",
        async (w) => {
          await w.segment("all", [p.sandal, p["espresso-cups"]].map((x, i) => ({ productId: x.id, score: 2 - i })))
        },
        { awaitServing: false }
      )
      // Well under the 60 s safety-net expiry of the cached runs: only the notification explains it.
      await eventually(async () => {
        const after = await get({ placement: "trending" })
        expect(after.data.model?.run_id).toBe(second)
        expect(idsOf(after.data)).toEqual([p.sandal.id, p["espresso-cups"].id])
      }, 5_000)
    })
  },
})
