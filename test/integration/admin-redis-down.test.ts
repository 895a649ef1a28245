import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminSession } from "../helpers/admin-auth"
import { withPg } from "../helpers/reco-db"

jest.setTimeout(180_000)

// Only the plugin's queue Redis is unreachable (nothing listens on 6391); Medusa itself is unaffected.
const previous = process.env.RECO_REDIS_URL
process.env.RECO_REDIS_URL = "redis://127.0.0.1:6391"
afterAll(() => {
  if (previous === undefined) delete process.env.RECO_REDIS_URL
  else process.env.RECO_REDIS_URL = previous
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    it("retrain and schedule changes answer 503 at once and change nothing; the rest keeps working", async () => {
      const admin = await createAdminSession(getContainer(), api)
      const call = (method: "get" | "post", path: string, body?: unknown) =>
        method === "post"
          ? api.post(`/admin/recommendations${path}`, body, { ...admin.headers, validateStatus: () => true })
          : api.get(`/admin/recommendations${path}`, { ...admin.headers, validateStatus: () => true })

      let started = Date.now()
      const retrain = await call("post", "/models/retrain", { mode: "full" })
      expect(retrain.status).toBe(503)
      expect(retrain.data.message).toMatch(/Redis is unreachable: the training job could not be queued.*Nothing was queued/)
      expect(Date.now() - started).toBeLessThan(5_000)

      started = Date.now()
      const cron = await call("post", "/settings", { retrain_cron: "0 4 * * *", attribution_window_days: 3 })
      expect(cron.status).toBe(503)
      expect(cron.data.message).toMatch(/retrain schedule could not be registered.*The settings were not changed/)
      expect(Date.now() - started).toBeLessThan(5_000)
      const stored = await withPg(dbConfig.clientUrl, (c) => c.query(`SELECT count(*)::int AS n FROM reco_setting`))
      expect(stored.rows[0].n).toBe(0)

      // What needs no Redis still works.
      const placements = await call("post", "/settings", { placements: { cart: false } })
      expect(placements.status).toBe(200)
      expect(placements.data.settings.placements.cart).toBe(false)
      const training = await call("get", "/training")
      expect(training.status).toBe(200)
      expect(training.data).toMatchObject({ running: [], queued_jobs: 0, last_finished: null, queue_error: expect.stringMatching(/Redis is unreachable/) })
    })
  },
})
