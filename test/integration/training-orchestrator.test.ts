import type { DataSource } from "typeorm"
import { MlAbortedError } from "../../src/ml/errors"
import { createRecoDataSource } from "../../src/store/data-source"
import type { NewEvent } from "../../src/store/new-event"
import { writeEvents } from "../../src/store/repositories/event-writer"
import { runRecoMigrations } from "../../src/store/run-migrations"
import type { HoldoutEvaluation, ModelSpec } from "../../src/training/model-spec"
import { runTraining } from "../../src/training/run-training"
import type { TrainingData } from "../../src/training/training-data"
import { createScratchDb } from "../helpers/scratch-db"

const DAY = 86_400_000

/** 40 days of purchases where p1 > p2 > ... in popularity, the same in every window. */
function history(now: number): NewEvent[] {
  const events: NewEvent[] = []
  for (let d = 0; d < 40; d++) {
    for (let p = 1; p <= 5; p++) {
      for (let n = 0; n < 6 - p; n++) {
        events.push({
          type: "purchase",
          actorType: "customer",
          actorId: `cus_${d}_${n}`,
          source: "import",
          occurredAt: new Date(now - (40 - d) * DAY + n * 1000),
          idempotencyKey: `t:${d}:${p}:${n}`,
          productId: `p${p}`,
        })
      }
    }
  }
  return events
}

type Counts = Map<string, number>

function counts(data: TrainingData): Counts {
  const c: Counts = new Map()
  data.product.forEach((p) => c.set(data.products[p]!, (c.get(data.products[p]!) ?? 0) + 1))
  return c
}

const ranked = (c: Counts) => [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id)

/**
 * A real, tiny model kind for exercising the orchestrator: most-bought products. Its holdout
 * metric is the share of holdout purchases in its top 2; `quality` scales it to simulate a
 * better or worse run, and `failIn` makes a phase throw.
 */
function popularSpec(options: { quality?: number; failIn?: "evaluate" | "fit" | "materialise" } = {}): ModelSpec<Counts> {
  const topShare = (top: string[], holdout: TrainingData) => {
    let hits = 0
    holdout.product.forEach((p) => (hits += top.includes(holdout.products[p]!) ? 1 : 0))
    return hits / Math.max(1, holdout.product.length)
  }
  return {
    kind: "test_popular",
    mustBeatBaseline: true,
    algorithm: () => "counts",
    params: () => ({ top: 2 }),
    backend: async () => null,
    async evaluate(split): Promise<HoldoutEvaluation> {
      if (options.failIn === "evaluate") throw new Error("evaluate broke")
      const top = ranked(counts(split.train)).slice(0, 2)
      const alphabetical = [...split.train.products].sort().reverse().slice(0, 2)
      return {
        primary: "top2_share",
        metrics: { top2_share: topShare(top, split.holdout) * (options.quality ?? 1) },
        baseline: { top2_share: topShare(alphabetical, split.holdout) },
        cases: split.holdout.product.length,
      }
    },
    async fit(data) {
      if (options.failIn === "fit") throw new Error("fit broke")
      return counts(data)
    },
    async materialise(model, _data, writer) {
      await writer.segment("all", ranked(model).map((productId) => ({ productId, score: model.get(productId)! })))
      if (options.failIn === "materialise") throw new Error("materialise broke")
    },
  }
}

describe("training orchestrator (real Postgres)", () => {
  let db: Awaited<ReturnType<typeof createScratchDb>>
  let ds: DataSource
  const now = Date.now()
  const runs = () =>
    ds.query(`SELECT id, status, is_active, reason, error, metrics, baseline_metrics, data_cutoff, event_count, trigger, progress
                FROM reco_model_run ORDER BY created_at`)
  const listOf = (runId: string) =>
    ds.query(`SELECT product_id FROM reco_segment_list WHERE model_run_id = $1 ORDER BY rank`, [runId])

  beforeAll(async () => {
    db = await createScratchDb("reco_train")
    ds = createRecoDataSource({ url: db.url })
    await ds.initialize()
    await runRecoMigrations(ds)
    await ds.transaction((m) => writeEvents(m, history(now)))
  })
  afterAll(async () => {
    await ds.destroy()
    await db.drop()
  })

  it("scores on a time holdout, activates, writes lists, and records metrics beside the baseline", async () => {
    const outcome = await runTraining(ds, [popularSpec()], { jobId: "job-1", trigger: "cli" })
    expect(outcome.runs).toEqual([expect.objectContaining({ kind: "test_popular", status: "succeeded", activated: true })])
    const [run] = await runs()
    expect(run).toMatchObject({ status: "succeeded", is_active: true, trigger: "cli", event_count: 600, progress: 1 })
    expect(run.metrics.top2_share).toBeGreaterThan(run.baseline_metrics.top2_share)
    expect(run.metrics.lift).toBeCloseTo(run.metrics.top2_share / run.baseline_metrics.top2_share)
    expect(run.metrics.holdout_cases).toBeGreaterThan(0)
    expect(run.data_cutoff).not.toBeNull()
    expect((await listOf(run.id)).map((r: { product_id: string }) => r.product_id)).toEqual(["p1", "p2", "p3", "p4", "p5"])
  })

  it("keeps the last good run serving when a new one fails, and clears the failed run's lists", async () => {
    const before = (await runs()).find((r: { is_active: boolean }) => r.is_active)
    const outcome = await runTraining(ds, [popularSpec({ failIn: "materialise" })], { jobId: "job-2", trigger: "cli" }).catch(
      (e: Error) => e
    )
    expect(outcome).toBeInstanceOf(Error)
    const all = await runs()
    const failed = all[all.length - 1]
    expect(failed).toMatchObject({ status: "failed", is_active: false, error: "materialise broke" })
    expect(await listOf(failed.id)).toEqual([])
    expect(all.find((r: { is_active: boolean }) => r.is_active).id).toBe(before.id)
  })

  it("does not activate a run that is worse than the one serving, and says why", async () => {
    const active = (await runs()).find((r: { is_active: boolean }) => r.is_active)
    const outcome = await runTraining(ds, [popularSpec({ quality: 0.8 })], { jobId: "job-3", trigger: "schedule" })
    expect(outcome.runs[0]).toMatchObject({ status: "rejected", activated: false })
    const all = await runs()
    const rejected = all[all.length - 1]
    expect(rejected.status).toBe("rejected")
    expect(rejected.reason).toMatch(/lift over baseline .* is below the active run's/)
    expect(all.find((r: { is_active: boolean }) => r.is_active).id).toBe(active.id)
    expect(await listOf(rejected.id)).toEqual([])
  })

  it("never serves a run that does not beat its baseline", async () => {
    await ds.query(`UPDATE reco_model_run SET is_active = false`)
    const outcome = await runTraining(ds, [popularSpec({ quality: 0.01 })], { jobId: "job-4", trigger: "cli" })
    expect(outcome.runs[0]!.status).toBe("rejected")
    expect(outcome.runs[0]!.reason).toMatch(/does not beat the baseline/)
  })

  it("a canceled run is recorded as canceled and stops the job", async () => {
    const controller = new AbortController()
    controller.abort()
    const spec = popularSpec()
    const aborting: ModelSpec<Counts> = {
      ...spec,
      async fit(data, ctx) {
        if (ctx.signal?.aborted) throw new MlAbortedError("aborted")
        return spec.fit(data, ctx)
      },
    }
    await expect(runTraining(ds, [aborting], { jobId: "job-5", trigger: "admin" }, { signal: controller.signal })).rejects.toThrow(
      "aborted"
    )
    const all = await runs()
    expect(all[all.length - 1].status).toBe("canceled")
  })
})
