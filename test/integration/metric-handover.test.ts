import { randomUUID } from "node:crypto"
import type { DataSource } from "typeorm"
import { createRecoDataSource } from "../../src/store/data-source"
import type { NewEvent } from "../../src/store/new-event"
import { writeEvents } from "../../src/store/repositories/event-writer"
import { writeServedLists } from "../../src/store/repositories/served-metrics"
import { runRecoMigrations } from "../../src/store/run-migrations"
import { createScratchDb } from "../helpers/scratch-db"

/**
 * The storefront may report an impression before the served log has written its list. Whatever
 * the interleaving of the two transactions, each touch must end up counted exactly once, under
 * the list's key (placement, model run), never left under the placement-only fallback key.
 */
describe("impression and served-list hand-over", () => {
  let db: Awaited<ReturnType<typeof createScratchDb>>
  let ds: DataSource

  beforeAll(async () => {
    db = await createScratchDb("reco_handover")
    ds = createRecoDataSource({ url: db.url, poolSize: 10 })
    await ds.initialize()
    await runRecoMigrations(ds)
  })

  afterAll(async () => {
    await ds.destroy()
    await db.drop()
  })

  const touch = (type: "impression" | "click", recommendationId: string, k: string, placement: string | null = "related"): NewEvent => ({
    type,
    actorType: "anonymous",
    actorId: "anon-race-tester",
    source: "storefront",
    occurredAt: new Date(),
    idempotencyKey: `race:${recommendationId}:${k}`,
    productId: "prod_race",
    placement,
    recommendationId,
  })
  const list = (id: string, modelRunId: string, placement = "related") => ({
    id,
    actorType: "anonymous" as const,
    actorId: "anon-race-tester",
    placement,
    modelRunId,
    experimentId: null,
    arm: null,
    context: null,
    items: [{ product_id: "prod_race", score: 1, reason_code: "viewed_together" }],
    servedAt: new Date(),
  })
  const counts = (placement: string) =>
    ds.query(
      `SELECT model_run_id, sum(served)::int AS served, sum(impressions)::int AS impressions, sum(clicks)::int AS clicks
         FROM reco_metric_daily WHERE placement = $1 GROUP BY model_run_id
       HAVING sum(served) <> 0 OR sum(impressions) <> 0 OR sum(clicks) <> 0 ORDER BY model_run_id`,
      [placement]
    )

  it("counts every touch once under its list's key, in whatever order the two transactions run", async () => {
    const runId = randomUUID()
    const n = 120
    const ids = Array.from({ length: n }, (_, i) => `rec_race_${i}_${randomUUID().slice(0, 8)}`)
    await Promise.all(
      ids.flatMap((id, i) => {
        const writes = [
          () => ds.transaction((m) => writeEvents(m, [touch("impression", id, "i")])),
          () => ds.transaction((m) => writeServedLists(m, [list(id, runId)])),
          // A click with an impression that names only its placement: one batch locking both keys.
          () => ds.transaction((m) => writeEvents(m, [touch("click", id, "c"), { ...touch("impression", id, "p"), recommendationId: null }])),
        ]
        if (i % 2) writes.reverse()
        return writes.map((w) => w())
      })
    )
    expect(await counts("related")).toEqual([
      { model_run_id: "", served: 0, impressions: n, clicks: 0 },
      { model_run_id: runId, served: n, impressions: n, clicks: n },
    ])
  })

  it("moves a touch stored before its list (and one without a placement), and leaves one whose list never comes under its placement", async () => {
    const runId = randomUUID()
    await ds.transaction((m) =>
      writeEvents(m, [
        touch("impression", "rec_early_1", "a", "cart"),
        touch("impression", "rec_early_1", "b", null),
        touch("click", "rec_invented", "c", "cart"),
      ])
    )
    expect(await counts("cart")).toEqual([{ model_run_id: "", served: 0, impressions: 1, clicks: 1 }])
    await ds.transaction((m) => writeServedLists(m, [list("rec_early_1", runId, "cart")]))
    expect(await counts("cart")).toEqual(
      [
        { model_run_id: runId, served: 1, impressions: 2, clicks: 0 },
        { model_run_id: "", served: 0, impressions: 0, clicks: 1 },
      ].sort((a, b) => a.model_run_id.localeCompare(b.model_run_id))
    )
    // Writing the same list again (a retried flush) counts nothing twice.
    await ds.transaction((m) => writeServedLists(m, [list("rec_early_1", runId, "cart")]))
    expect((await counts("cart")).find((c: { model_run_id: string }) => c.model_run_id === runId)).toEqual({
      model_run_id: runId,
      served: 1,
      impressions: 2,
      clicks: 0,
    })
  })
})
