import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { countEvents } from "../helpers/reco-db"
import { createStoreFixture, type StoreFixture } from "../helpers/store-fixtures"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: StoreFixture
    const headers = () => ({ "x-publishable-api-key": store.publishableKey })

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    it("stores a batch of storefront events and answers 202 after commit", async () => {
      const [p1, p2] = store.products
      const res = await api.post(
        "/store/recommendations/events",
        {
          events: [
            { type: "view", product_id: p1!.id },
            { type: "search", query: "blue shirt" },
            { type: "impression", product_id: p2!.id, placement: "for_you", position: 0 },
            { type: "click", product_id: p2!.id, variant_id: p2!.variants[0]!.id, placement: "for_you" },
          ],
        },
        { headers: headers() }
      )
      expect(res.status).toBe(202)
      expect(res.data).toMatchObject({ accepted: 4, stored: 4, duplicates: 0, actor_type: "anonymous" })
      expect(await countEvents(dbConfig.clientUrl)).toBe(4)
    })
  },
})
