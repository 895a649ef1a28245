import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { RecommendationsClient } from "../../src/client"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createServingCatalog, publishRun, type ServingCatalog } from "../helpers/serving-fixtures"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog

    beforeEach(async () => {
      store = await createServingCatalog(getContainer())
      await eventually(async () => {
        const n = await withPg(dbConfig.clientUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM reco_product`)).rows[0].n)
        expect(n).toBe(13)
      })
    })

    it("drives every store route through @medusajs/js-sdk with the typed client", async () => {
      const sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: store.publishableKey })
      const anonymousId = "sdk-shopper-0001"
      const reco = new RecommendationsClient(sdk, { anonymousId })
      const { mug, teapot } = store.product
      await publishRun(getContainer(), "trending", (w) => w.segment("all", [{ productId: teapot.id, score: 1 }]))

      const tracked = await reco.track([{ type: "view", product_id: mug.id }])
      expect(tracked).toMatchObject({ stored: 1, actor_type: "anonymous", anonymous_id: anonymousId })

      const viewed = await reco.list<{ id: string; title: string }>({ placement: "recently_viewed", fields: "id,title" })
      expect(viewed.items.map((i) => i.product)).toEqual([{ id: mug.id, title: mug.title }])
      expect(viewed.items[0]!.reason.code).toBe("recently_viewed")

      const trending = await reco.list({ placement: "trending", region_id: store.regionEur.id })
      expect(trending.items.map((i) => i.product.id)).toEqual([teapot.id])
      const impressions = await reco.trackImpressions(trending)
      expect(impressions.stored).toBe(1)
      const logged = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT recommendation_id, placement, position FROM reco_event WHERE type = 'impression'`)).rows
      )
      expect(logged).toEqual([{ recommendation_id: trending.recommendation_id, placement: "trending", position: 0 }])

      const found = await reco.search<{ id: string }>({ q: "mug", fields: "id" })
      expect(found.products.map((p) => p.id)).toEqual([mug.id])
      expect(found.personalized).toBe(true)

      // Errors surface as the SDK's FetchError with Medusa's status and message.
      await expect(reco.list({ placement: "related" })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/product_id/) })
    })
  },
})
