import { logger } from "@medusajs/framework/logger"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { countEvents } from "../helpers/reco-db"
import { createStoreFixture } from "../helpers/store-fixtures"

jest.setTimeout(180_000)

// Only the plugin's queue Redis is unreachable (nothing listens on 6390); Medusa itself is unaffected.
const previous = process.env.RECO_REDIS_URL
process.env.RECO_REDIS_URL = "redis://127.0.0.1:6390"
afterAll(() => {
  if (previous === undefined) delete process.env.RECO_REDIS_URL
  else process.env.RECO_REDIS_URL = previous
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    it("answers 202 with the events durable in Postgres and logs a warning when Redis is down", async () => {
      const store = await createStoreFixture(getContainer())
      const warn = jest.spyOn(logger, "warn")
      const started = Date.now()
      const res = await api.post(
        "/store/recommendations/events",
        { events: [{ type: "view", product_id: store.products[0]!.id }, { type: "search", query: "lamp" }] },
        { headers: { "x-publishable-api-key": store.publishableKey } }
      )
      expect(res.status).toBe(202)
      expect(res.data.stored).toBe(2)
      expect(Date.now() - started).toBeLessThan(5_000)
      expect(await countEvents(dbConfig.clientUrl)).toBe(2)
      expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(
        /2 event\(s\) are stored in Postgres but the learning signal could not be queued/
      )
      warn.mockRestore()
    })
  },
})
