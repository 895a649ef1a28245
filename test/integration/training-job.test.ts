import { Queue, QueueEvents } from "bullmq"
import { join } from "node:path"
import { writeEvents } from "../../src/store/repositories/event-writer"
import { dataWatermark } from "../../src/training/training-data"
import { MATERIALISE_QUEUE, TRAINING_QUEUE } from "../../src/queue/queue-names"
import { startRecoWorker, type RunningWorker, type WorkerConfig } from "../../src/worker"
import { syntheticCatalogue, syntheticStoreEvents } from "../fixtures/synthetic-store"
import { upsertProducts } from "../../src/store/repositories/product-mirror"
import { eventually } from "../helpers/eventually"
import { createScratchDb, uniqueQueuePrefix } from "../helpers/scratch-db"

jest.setTimeout(240_000)

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const ROOT = join(__dirname, "..", "..")

/** A worker over a scratch database holding the synthetic store, running processors from source. */
async function startSyntheticStoreWorker(
  name: string,
  prefix: string,
  extra: Partial<WorkerConfig> = {}
): Promise<{ db: Awaited<ReturnType<typeof createScratchDb>>; worker: RunningWorker; events: QueueEvents; productIds: string[] }> {
  const db = await createScratchDb(name)
  const worker = await startRecoWorker({
    databaseUrl: db.url,
    redisUrl: REDIS_URL,
    queuePrefix: prefix,
    retrainCron: null,
    trainingProcessor: { file: join(ROOT, "tools/ts-training-processor.js"), execArgv: [] },
    materialiseProcessor: { file: join(ROOT, "tools/ts-materialise-processor.js"), execArgv: [] },
    log: () => undefined,
    ...extra,
  })
  const events = new QueueEvents(TRAINING_QUEUE, { connection: { url: REDIS_URL }, prefix })
  await events.waitUntilReady()
  const synthetic = syntheticStoreEvents()
  await worker.dataSource.transaction((m) => writeEvents(m, synthetic.events))
  await upsertProducts(worker.dataSource, syntheticCatalogue(synthetic.productIds))
  return { db, worker, events, productIds: synthetic.productIds }
}

describe("training job through real Redis and a sandboxed processor", () => {
  let db: Awaited<ReturnType<typeof createScratchDb>>
  let worker: RunningWorker
  let events: QueueEvents
  const prefix = uniqueQueuePrefix()
  let productIds: string[] = []

  beforeAll(async () => {
    ({ db, worker, events, productIds } = await startSyntheticStoreWorker("reco_job", prefix, { cancelPollMs: 200 }))
  })

  afterAll(async () => {
    await events?.close()
    await worker?.close()
    await db?.drop()
  })

  it("trains every model kind, records metrics and backend, materialises lists, and trains once per data", async () => {
    const watermark = await dataWatermark(worker.dataSource)
    const first = await worker.requests.request("full", "cli", watermark)
    const second = await worker.requests.request("full", "admin", watermark)
    expect(second).toBe(first)

    const job = await worker.requests.queue.getJob(first)
    const progress: number[] = []
    events.on("progress", ({ jobId, data }) => jobId === first && progress.push(Number(data)))
    const result = await job!.waitUntilFinished(events, 200_000)
    expect(result.runs.map((r: { kind: string }) => r.kind)).toEqual(["trending", "item_neighbors", "session", "content", "for_you", "intent"])

    const runs = await worker.dataSource.query(
      `SELECT model_kind, status, is_active, backend, metrics, baseline_metrics, job_id, event_count, reason
         FROM reco_model_run ORDER BY created_at`
    )
    expect(runs).toHaveLength(6)
    for (const run of runs) {
      expect(run.job_id).toBe(first)
      expect(run.metrics.holdout_cases).toBeGreaterThan(0)
      expect(Object.keys(run.baseline_metrics).length).toBeGreaterThan(0)
    }
    // In this synthetic store every buying session has a cart add, so counting cart adds is a
    // perfect baseline the intent network cannot beat: it is trained, scored and not served.
    const served = runs.filter((r: { model_kind: string }) => r.model_kind !== "intent")
    expect(served.every((r: { status: string; is_active: boolean }) => r.status === "succeeded" && r.is_active)).toBe(true)
    const intentRun = runs.find((r: { model_kind: string }) => r.model_kind === "intent")
    expect(intentRun.baseline_metrics.auc).toBe(1)
    expect(intentRun).toMatchObject({ status: "rejected", is_active: false })
    expect(intentRun.reason).toMatch(/auc .* does not beat the baseline's 1.0000/)
    const forYou = runs.find((r: { model_kind: string }) => r.model_kind === "for_you")
    expect(forYou.backend).toBe("wasm")
    expect(forYou.metrics.ndcg_at_10).toBeGreaterThan(forYou.baseline_metrics.ndcg_at_10)
    expect(progress.length).toBeGreaterThan(0)
    expect(Math.max(...progress)).toBe(100)

    const [counts] = await worker.dataSource.query(`
      SELECT (SELECT count(DISTINCT actor_id) FROM reco_actor_list)::int AS for_you_actors,
             (SELECT count(*) FROM reco_item_neighbor WHERE kind='similar')::int AS similar,
             (SELECT count(*) FROM reco_item_neighbor WHERE kind='complement')::int AS complement,
             (SELECT count(*) FROM reco_item_neighbor WHERE kind='next')::int AS next,
             (SELECT count(DISTINCT product_id) FROM reco_item_neighbor WHERE kind='content')::int AS content_products,
             (SELECT count(*) FROM reco_model_artifact WHERE name='content-model')::int AS content_artifacts,
             (SELECT count(*) FROM reco_model_artifact WHERE name='intent-model')::int AS intent_artifacts,
             (SELECT count(DISTINCT segment) FROM reco_segment_list)::int AS segments`)
    expect(counts.for_you_actors).toBeGreaterThan(100)
    expect(counts.similar).toBeGreaterThan(0)
    expect(counts.complement).toBeGreaterThan(0)
    expect(counts.next).toBeGreaterThan(0)
    // Every catalogue product gets content neighbours, touched or not.
    expect(counts.content_products).toBe(productIds.length)
    expect(counts.content_artifacts).toBe(1)
    expect(counts.intent_artifacts).toBe(0)
    expect(intentRun.metrics.auc).toBeGreaterThan(0.5)
    const content = runs.find((r: { model_kind: string }) => r.model_kind === "content")
    expect(content.backend).toBe("wasm")
    // all, two regions, one channel, two region x channel pairs
    expect(counts.segments).toBe(6)
    const reasons = await worker.dataSource.query(`SELECT DISTINCT reason->>'code' AS code FROM reco_actor_list`)
    expect(reasons.map((r: { code: string }) => r.code)).toContain("because_you_interacted")
  })

  it("an admin cancel reaches the sandboxed job through its AbortSignal: the run ends canceled, without retries", async () => {
    await worker.dataSource.query(`INSERT INTO reco_event (type, actor_type, actor_id, product_id, source, occurred_at, idempotency_key)
                                   VALUES ('view', 'anonymous', 'anon-cancel-0001', 'prod_000', 'import', now(), 'cancel-test-1')`)
    const jobId = await worker.requests.request("full", "admin", await dataWatermark(worker.dataSource))
    // As the admin API will: flag the job's running run; the worker polls for the flag.
    await eventually(async () => {
      const running = await worker.dataSource.query(`SELECT id FROM reco_model_run WHERE job_id = $1 AND status = 'running'`, [jobId])
      expect(running).toHaveLength(1)
      await worker.dataSource.query(`UPDATE reco_model_run SET cancel_requested = true WHERE id = $1`, [running[0].id])
    }, 60_000)
    const job = await worker.requests.queue.getJob(jobId)
    await expect(job!.waitUntilFinished(events, 120_000)).rejects.toThrow(/canceled by an admin/)
    const failed = await worker.requests.queue.getJob(jobId)
    expect(failed!.attemptsMade).toBe(1)
    const statuses = await worker.dataSource.query(`SELECT status FROM reco_model_run WHERE job_id = $1 ORDER BY created_at`, [jobId])
    expect(statuses[statuses.length - 1].status).toBe("canceled")
    // The runs activated by the first job still serve.
    const [active] = await worker.dataSource.query(`SELECT count(*)::int AS n FROM reco_model_run WHERE is_active`)
    expect(active.n).toBe(5)
  })
})

describe("a large store's for-you lists through a BullMQ flow of materialisation shards", () => {
  let db: Awaited<ReturnType<typeof createScratchDb>>
  let worker: RunningWorker
  let events: QueueEvents
  const prefix = uniqueQueuePrefix()

  beforeAll(async () => {
    // Scaled down: 120 shoppers count as "large", 40 per shard.
    ({ db, worker, events } = await startSyntheticStoreWorker("reco_shards", prefix, { shardThreshold: 30, shardSize: 40 }))
  })

  afterAll(async () => {
    await events?.close()
    await worker?.close()
    await db?.drop()
  })

  it("writes the same lists as in-process materialisation, shard by shard, then activates", async () => {
    const jobId = await worker.requests.request("full", "cli", await dataWatermark(worker.dataSource))
    const job = await worker.requests.queue.getJob(jobId)
    await job!.waitUntilFinished(events, 200_000)
    const [run] = await worker.dataSource.query(
      `SELECT id, status, is_active FROM reco_model_run WHERE model_kind = 'for_you' AND job_id = $1`,
      [jobId]
    )
    expect(run).toMatchObject({ status: "succeeded", is_active: true })
    const [lists] = await worker.dataSource.query(
      `SELECT count(DISTINCT actor_id)::int AS actors, count(*)::int AS rows,
              (SELECT count(DISTINCT actor_id) FROM reco_event WHERE type <> 'search')::int AS shoppers
         FROM reco_actor_list WHERE model_run_id = $1`,
      [run.id]
    )
    expect(lists.actors).toBe(lists.shoppers)
    // One row per (actor, rank): a retried or duplicated shard never doubles a list.
    const [dupes] = await worker.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT actor_id, rank FROM reco_actor_list WHERE model_run_id = $1
         GROUP BY actor_id, rank HAVING count(*) > 1) d`,
      [run.id]
    )
    expect(dupes.n).toBe(0)
    const materialise = new Queue(MATERIALISE_QUEUE, { connection: { url: REDIS_URL }, prefix })
    const counts = await materialise.getJobCounts("completed", "failed")
    await materialise.close()
    // ceil(shoppers / 40) shards plus their parent.
    expect(counts.completed).toBe(Math.ceil(lists.shoppers / 40) + 1)
    expect(counts.failed).toBe(0)
    const [blobs] = await worker.dataSource.query(`SELECT count(*)::int AS n FROM reco_model_blob`)
    expect(blobs.n).toBe(0)
  })
})
