import { Queue } from "bullmq"
import { spawn } from "node:child_process"
import { SIGNAL_QUEUE } from "../../src/queue/queue-names"
import { join } from "node:path"
import { SIGNAL_LEDGER_CHECKPOINT, type SignalLedger } from "../../src/queue/processors/events-ingested"
import { SignalProducer } from "../../src/queue/signal-producer"
import { readCheckpoint } from "../../src/store/repositories/checkpoints"
import { startRecoWorker } from "../../src/worker"
import { eventually } from "../helpers/eventually"
import { createScratchDb, uniqueQueuePrefix } from "../helpers/scratch-db"

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const ROOT = join(__dirname, "..", "..")

describe("standalone worker", () => {
  let db: Awaited<ReturnType<typeof createScratchDb>>
  beforeEach(async () => {
    db = await createScratchDb("reco_worker")
  })
  afterEach(async () => {
    await db.drop()
  })

  it("processes signals from real Redis into the ledger and closes cleanly", async () => {
    const prefix = uniqueQueuePrefix()
    const logs: string[] = []
    const running = await startRecoWorker({ databaseUrl: db.url, redisUrl: REDIS_URL, queuePrefix: prefix, log: (m) => logs.push(m) })
    const producer = new SignalProducer(REDIS_URL, prefix, { warn: (m) => logs.push(m) })
    try {
      expect(await producer.eventsIngested({ source: "storefront", count: 3, received_at: "2026-01-01T00:00:00.000Z" })).toBe(true)
      expect(await producer.eventsIngested({ source: "subscriber", count: 2, received_at: "2026-01-02T00:00:00.000Z" })).toBe(true)
      const ledger = await eventually(async () => {
        const l = await readCheckpoint<SignalLedger>(running.dataSource, SIGNAL_LEDGER_CHECKPOINT)
        expect(l?.signals).toBe(2)
        return l!
      })
      expect(ledger).toEqual({ signals: 2, events: 5, last_received_at: "2026-01-02T00:00:00.000Z", last_source: "subscriber" })
    } finally {
      await producer.close()
      await running.close()
    }
    expect(running.worker.isRunning()).toBe(false)
    expect(running.dataSource.isInitialized).toBe(false)
    expect(logs).toContain("medusa-reco worker: stopped")
    // A second close is harmless.
    await running.close()
  })

  it("a signal that cannot reach Redis is reported, not thrown", async () => {
    const warnings: string[] = []
    const producer = new SignalProducer("redis://127.0.0.1:6390", uniqueQueuePrefix(), { warn: (m) => warnings.push(m) })
    try {
      const ok = await producer.eventsIngested({ source: "storefront", count: 1, received_at: new Date().toISOString() })
      expect(ok).toBe(false)
      expect(warnings[0]).toMatch(/1 event\(s\) are stored in Postgres but the learning signal could not be queued/)
    } finally {
      await producer.close()
    }
  })

  it("`medusa-reco worker` starts, then exits 0 on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["-r", join(ROOT, "tools/ts-register.js"), join(ROOT, "src/cli/index.ts"), "worker"],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: db.url, REDIS_URL, RECO_QUEUE_PREFIX: uniqueQueuePrefix() },
        stdio: ["ignore", "pipe", "pipe"],
      }
    )
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
    await eventually(async () => expect(out).toContain("consuming"), 30_000)
    child.kill("SIGTERM")
    expect(await exited).toBe(0)
    expect(out).toContain("SIGTERM received")
    expect(out).toContain("medusa-reco worker: stopped")
  })

  it("`medusa-reco worker` without a database says how to give one", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "" }
    delete env.DATABASE_URL
    const child = spawn(
      process.execPath,
      ["-r", join(ROOT, "tools/ts-register.js"), join(ROOT, "src/cli/index.ts"), "worker"],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }
    )
    let err = ""
    child.stderr.on("data", (d) => (err += d))
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)))
    expect(code).toBe(1)
    expect(err).toContain("pass --database-url or set DATABASE_URL")
  })
})

describe("retention", () => {
  it("the worker's retention job deletes behaviour older than the plugin's retentionDays, in batches", async () => {
    const db = await createScratchDb("reco_retention")
    const prefix = uniqueQueuePrefix()
    const running = await startRecoWorker({ databaseUrl: db.url, redisUrl: REDIS_URL, queuePrefix: prefix, retrainCron: null, log: () => undefined })
    const producer = new SignalProducer(REDIS_URL, prefix, { warn: () => undefined })
    try {
      await running.dataSource.query(
        `INSERT INTO reco_event (type, actor_type, actor_id, product_id, source, occurred_at, idempotency_key)
         SELECT 'view', 'anonymous', 'anon-retention-1', 'prod_1', 'import', now() - make_interval(days => d), 'ret-' || d
           FROM generate_series(0, 99) AS d`
      )
      // As Medusa does at start-up with the plugin option; the job is then run now, not at 04:30.
      expect(await producer.ensureRetentionSchedule(30)).toBe(true)
      const scheduler = new Queue(SIGNAL_QUEUE, { connection: { url: REDIS_URL }, prefix })
      const schedulers = await scheduler.getJobSchedulers()
      expect(schedulers.map((s: { key: string }) => s.key)).toContain("reco-retention")
      await scheduler.add("retention", { retention_days: 30 })
      await eventually(async () => {
        const [{ n, oldest }] = await running.dataSource.query(
          `SELECT count(*)::int AS n, max(now() - occurred_at) < interval '31 days' AS oldest FROM reco_event`
        )
        expect(n).toBe(30)
        expect(oldest).toBe(true)
      })
      await scheduler.close()
    } finally {
      await producer.close()
      await running.close()
      await db.drop()
    }
  })
})
