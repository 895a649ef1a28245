import type { DataSource } from "typeorm"
import { createRecoDataSource } from "../../src/store/data-source"
import { RecoModelRun } from "../../src/store/entities"
import { runRecoMigrations } from "../../src/store/run-migrations"
import { activateRun, createRun, updateRun } from "../../src/training/model-runs"
import { createScratchDb } from "../helpers/scratch-db"

/**
 * A worker finishing a run while an admin rolls back (or two promotes at once) activates two runs
 * of one kind concurrently: both must succeed in some order and leave exactly one active run,
 * never a unique-index violation.
 */
describe("concurrent activation of one model kind", () => {
  let db: Awaited<ReturnType<typeof createScratchDb>>
  let ds: DataSource

  beforeAll(async () => {
    db = await createScratchDb("reco_activation")
    ds = createRecoDataSource({ url: db.url, poolSize: 10 })
    await ds.initialize()
    await runRecoMigrations(ds)
  })

  afterAll(async () => {
    await ds.destroy()
    await db.drop()
  })

  it("serialises activations: every call succeeds and one run ends active", async () => {
    for (let round = 0; round < 10; round++) {
      const runs = await Promise.all(
        [0, 1, 2].map(async () => {
          const run = await createRun(ds, { modelKind: "for_you", algorithm: "test", jobId: null, trigger: "cli" })
          await updateRun(ds, run.id, { status: "succeeded" })
          return run.id
        })
      )
      await Promise.all(runs.map((id) => activateRun(ds, id)))
      const active = await ds.getRepository(RecoModelRun).find({ where: { modelKind: "for_you", isActive: true } })
      expect(active).toHaveLength(1)
      expect(runs).toContain(active[0]!.id)
    }
  })
})
