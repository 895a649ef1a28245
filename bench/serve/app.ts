/**
 * The store under test: the bench's own database (seeded through the demo script when it is not
 * ready), the plugin freshly built and linked into demo/, and one `medusa start` in production mode.
 */
import type { ChildProcess } from "node:child_process"
import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs"
import net from "node:net"
import { dirname, join, relative } from "node:path"
import { Client } from "pg"
import type { BenchConfig } from "./config"
import { runToEnd, startChild, stopChild, tail } from "./processes"

export type Log = (line: string) => void

export async function withDb<T>(url: string, fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await db.connect()
  try {
    return await fn(db)
  } finally {
    await db.end().catch(() => undefined)
  }
}

export type Readiness = { ready: true } | { ready: false; why: string }

/** Seeded (catalogue and behaviour) and trained: an active for-you run with lists, and neighbours. */
export async function databaseReadiness(config: BenchConfig): Promise<Readiness> {
  const exists = await withDb(config.maintenanceUrl, async (db) => {
    const { rowCount } = await db.query("SELECT 1 FROM pg_database WHERE datname = $1", [config.dbName])
    return (rowCount ?? 0) > 0
  })
  if (!exists) return { ready: false, why: `database ${config.dbName} does not exist` }
  return withDb(config.databaseUrl, async (db) => {
    const tables = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name IN ('store', 'reco_model_run', 'reco_actor_list', 'reco_item_neighbor')`
    )
    if (tables.rows[0]!.n < 4) return { ready: false, why: "the schema is not there yet" }
    const { rows } = await db.query<{ metadata: Record<string, unknown> | null; for_you: boolean; neighbors: boolean }>(
      `SELECT (SELECT metadata FROM store ORDER BY created_at LIMIT 1) AS metadata,
              EXISTS (SELECT 1 FROM reco_model_run r JOIN reco_actor_list l ON l.model_run_id = r.id
                       WHERE r.is_active AND r.model_kind = 'for_you') AS for_you,
              EXISTS (SELECT 1 FROM reco_model_run r JOIN reco_item_neighbor n ON n.model_run_id = r.id
                       WHERE r.is_active) AS neighbors`
    )
    const row = rows[0]!
    if (!row.metadata?.reco_demo_seeded_at) return { ready: false, why: "the store is not seeded" }
    if (!row.metadata?.reco_demo_behaviour_at) return { ready: false, why: "the store has no generated behaviour" }
    if (!row.for_you) return { ready: false, why: "no active for_you run with materialised lists" }
    if (!row.neighbors) return { ready: false, why: "no active run with item neighbours" }
    return { ready: true }
  })
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = net.createServer()
    server.once("error", () => done(false))
    server.listen(port, () => server.close(() => done(true)))
  })
}

export async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    if (!(await portIsFree(port))) {
      throw new Error(`port ${port} is in use (another bench or demo?); stop it or set BENCH_PORT`)
    }
  }
}

/**
 * `npm run demo -- --no-serve` on the bench's database, ports and queue prefix: seeds whatever is
 * missing, imports the history and trains every model with the plugin worker, then stops.
 */
export async function seedThroughDemo(config: BenchConfig): Promise<void> {
  await assertPortsFree([config.seedPort, config.seedPort + 1])
  const server = new URL(config.maintenanceUrl)
  server.pathname = "/"
  await runToEnd("seed-demo", process.execPath, [join(config.repo, "scripts", "demo.mjs"), "--no-serve"], {
    cwd: config.repo,
    echo: true,
    env: {
      ...process.env,
      DATABASE_URL: server.href,
      REDIS_URL: config.redisUrl,
      DEMO_DB_NAME: config.dbName,
      PORT: String(config.seedPort),
      RECO_QUEUE_PREFIX: config.queuePrefix,
    },
  })
}

/** `npm run build`: the demo app loads the plugin from .medusa/server. */
export async function buildPlugin(config: BenchConfig): Promise<void> {
  await runToEnd("plugin-build", "npm", ["run", "build"], { cwd: config.repo, env: process.env })
}

function ensureSymlink(path: string, target: string): void {
  mkdirSync(dirname(path), { recursive: true })
  try {
    const stat = lstatSync(path)
    if (stat.isSymbolicLink() && readlinkSync(path) === target) return
    rmSync(path, { recursive: true, force: true })
  } catch {
    /* missing */
  }
  symlinkSync(target, path)
}

/** The same links the demo script makes: the plugin and Medusa's CLI inside demo/node_modules. */
export function linkPluginIntoDemo(config: BenchConfig): void {
  const modules = join(config.demoDir, "node_modules")
  ensureSymlink(join(modules, "medusa-plugin-recommendations"), relative(modules, config.repo))
  const medusaBin = join(config.repo, "node_modules", ".bin", "medusa")
  ensureSymlink(join(modules, ".bin", "medusa"), relative(join(modules, ".bin"), medusaBin))
}

export type Server = { url: string; logFile: string; child: ChildProcess; stop(): Promise<void> }

/**
 * `medusa start` in demo/ (NODE_ENV=production, no admin dashboard), as the demo's API-only
 * instance runs; resolves once GET /health answers.
 */
export async function startServer(config: BenchConfig, log: Log): Promise<Server> {
  await assertPortsFree([config.port])
  const medusaBin = join(config.repo, "node_modules", ".bin", "medusa")
  const tsHook = join(config.repo, "scripts", "lib", "register-ts.cjs")
  const { child, logFile } = startChild("server", medusaBin, ["start"], {
    cwd: config.demoDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      DEMO_DB_NAME: config.dbName,
      PORT: String(config.port),
      RECO_QUEUE_PREFIX: config.queuePrefix,
      RECO_DEMO_API_ONLY: "true",
      // demo/medusa-config.ts is TypeScript; the demo's swc hook loads it (no ts-node here).
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require "${tsHook}"`.trim(),
    },
  })
  const server: Server = { url: config.serverUrl, logFile, child, stop: () => stopChild(child) }
  const started = Date.now()
  const deadline = started + 240_000
  let exited: string | null = null
  child.once("exit", (code, signal) => (exited = signal ?? `exit code ${code}`))
  for (;;) {
    if (exited) throw new Error(`medusa start exited (${exited}) before it answered; last lines of ${logFile}:\n${tail(logFile)}`)
    try {
      const res = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) break
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      await server.stop()
      throw new Error(`medusa start did not answer ${server.url}/health within 240 s; last lines of ${logFile}:\n${tail(logFile)}`)
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  log(`medusa start answers on ${server.url} after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${logFile})`)
  return server
}
