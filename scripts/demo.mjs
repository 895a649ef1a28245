#!/usr/bin/env node
// `npm run demo`: a Medusa store with this plugin installed, seeded, full of behaviour, served
// at http://localhost:9000 until Ctrl-C. See `npm run demo -- --help` for the knobs.
//
// Steps: check Postgres and Redis -> create the database if missing -> build the plugin ->
// link demo/node_modules/medusa-plugin-recommendations to this repository -> medusa db:migrate ->
// seed (Medusa workflows, skipped when already seeded) -> admin user -> medusa develop ->
// live shoppers over the store API and the plugin's events API -> history CSV through
// `medusa-reco import` -> summary -> keep serving.

import { spawn } from "node:child_process"
import { once } from "node:events"
import { createWriteStream, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from "node:fs"
import { createRequire } from "node:module"
import net from "node:net"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const demoDir = join(repo, "demo")
const dataDir = join(demoDir, ".data")
const logDir = join(dataDir, "logs")
const medusaBin = join(repo, "node_modules", ".bin", "medusa")
const tsHook = join(repo, "scripts", "lib", "register-ts.cjs")
const pluginCli = join(repo, ".medusa", "server", "src", "cli", "index.js")

const HELP = `npm run demo [-- options]

Sets up a Medusa store with medusa-plugin-recommendations on local Postgres and Redis, seeds it,
creates behaviour through the store API, the plugin's events API and the import command, then
serves it at http://localhost:9000 until Ctrl-C. A second run on a seeded database just serves.

Options:
  --fresh       drop the demo database first and start over
  --no-serve    stop the server and exit once the demo data is ready (for scripts and CI)
  --verbose     stream the Medusa server log while the demo data is generated
  -h, --help    this text

Environment:
  DEMO_DB_NAME        database name (default medusa_reco_demo)
  DATABASE_URL        Postgres server to use; its database name is replaced by DEMO_DB_NAME
                      (default postgres://postgres@127.0.0.1:5432)
  REDIS_URL           Redis (default redis://127.0.0.1:6379)
  PORT                HTTP port (default 9000)
  DEMO_SEED           PRNG seed for the behaviour (default 42)
  DEMO_SHOPPERS, DEMO_ORDERS, DEMO_ABANDONED_CARTS, DEMO_BROWSE_SESSIONS, DEMO_CONCURRENCY,
  DEMO_HISTORY_DAYS, DEMO_HISTORY_SESSIONS_PER_DAY   size of the generated behaviour
  DEMO_FEEDBACK_SHOPPERS  returning shoppers who use the trained recommendations (default 60)
  DEMO_API_INSTANCES  API instances while shoppers are simulated (default 2: the dev server plus
                      one API-only \`medusa start\` on PORT+1, stopped afterwards; 1 = dev server only)
`

// ------------------------------------------------------------------ configuration

const argv = new Set(process.argv.slice(2))
if (argv.has("-h") || argv.has("--help")) {
  process.stdout.write(HELP)
  process.exit(0)
}
for (const arg of argv) {
  if (!["--fresh", "--no-serve", "--verbose"].includes(arg)) {
    console.error(`Unknown option ${arg}\n\n${HELP}`)
    process.exit(2)
  }
}
const fresh = argv.has("--fresh")
const serve = !argv.has("--no-serve")
const verbose = argv.has("--verbose")

const intEnv = (name, fallback, min = 0) => {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be an integer >= ${min} (got "${raw}")`)
    process.exit(2)
  }
  return value
}

const dbName = process.env.DEMO_DB_NAME || "medusa_reco_demo"
if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(dbName)) {
  console.error(`DEMO_DB_NAME must be a plain Postgres identifier (letters, digits, _), got "${dbName}"`)
  process.exit(2)
}
const serverUrl = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432")
const withDb = (name) => {
  const url = new URL(serverUrl.href)
  url.pathname = `/${name}`
  return url.href
}
const databaseUrl = withDb(dbName)
const maintenanceUrl = withDb("postgres")
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const port = intEnv("PORT", 9000, 1)
const baseUrl = `http://localhost:${port}`
const admin = { email: process.env.DEMO_ADMIN_EMAIL || "admin@medusa-test.com", password: process.env.DEMO_ADMIN_PASSWORD || "supersecret" }
const PUBLISHABLE_KEY_TITLE = "Reco demo storefront"
const SHOPPER_PASSWORD = "demo-shopper-password"
const apiInstances = intEnv("DEMO_API_INSTANCES", 2, 1)
const behaviour = {
  seed: intEnv("DEMO_SEED", 42),
  shoppers: intEnv("DEMO_SHOPPERS", 260, 1),
  orders: intEnv("DEMO_ORDERS", 300),
  abandonedCarts: intEnv("DEMO_ABANDONED_CARTS", 120),
  browseSessions: intEnv("DEMO_BROWSE_SESSIONS", 150),
  concurrency: intEnv("DEMO_CONCURRENCY", 8, 1),
  registeredShare: 0.3,
  stepByStepShare: 0.12,
  historyDays: intEnv("DEMO_HISTORY_DAYS", 35, 1),
  historySessionsPerDay: intEnv("DEMO_HISTORY_SESSIONS_PER_DAY", 70, 1),
}
const historyFile = join(dataDir, `history-${dbName}.csv`)

const redact = (url) => {
  const u = new URL(url)
  if (u.password) u.password = "***"
  return u.href
}

const childEnv = {
  ...process.env,
  MEDUSA_DISABLE_TELEMETRY: "true",
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  DEMO_DB_NAME: dbName,
  PORT: String(port),
  RECO_QUEUE_PREFIX: process.env.RECO_QUEUE_PREFIX || "reco-demo",
  // The repository does not install ts-node; this hook lets Medusa load demo/medusa-config.ts
  // and the seed script (TypeScript) with @swc/core, which ships with Medusa.
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require "${tsHook}"`.trim(),
}

// ------------------------------------------------------------------ output helpers

const started = Date.now()
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`
const say = (line = "") => process.stdout.write(`${line}\n`)
const warn = (line) => process.stdout.write(`! ${line}\n`)

/** Children to stop on Ctrl-C (process groups). */
const children = new Set()
let shuttingDown = false

function stopChild(child, signal = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      /* already gone */
    }
  }
}

async function shutdown(code, signal) {
  if (shuttingDown) return
  shuttingDown = true
  if (signal) say(`\n${signal} received: stopping the demo server...`)
  const waits = [...children].map(async (child) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    stopChild(child, "SIGTERM")
    const timer = setTimeout(() => stopChild(child, "SIGKILL"), 10_000)
    await once(child, "exit").catch(() => undefined)
    clearTimeout(timer)
  })
  await Promise.all(waits)
  process.exit(code)
}
process.on("SIGINT", () => void shutdown(130, "SIGINT"))
process.on("SIGTERM", () => void shutdown(143, "SIGTERM"))

function tail(file, lines = 30) {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => !/^\s+at /.test(l) && !/ts-node|Require stack|requireStack|MODULE_NOT_FOUND|cli\/cli\.js/.test(l))
      .slice(-lines)
      .join("\n")
  } catch {
    return "(no log)"
  }
}

/** Runs a command with its output in demo/.data/logs/<name>.log; rejects with the log's tail. */
function run(name, command, args, { cwd = demoDir, env = childEnv } = {}) {
  mkdirSync(logDir, { recursive: true })
  const logFile = join(logDir, `${name}.log`)
  const log = createWriteStream(logFile)
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
    children.add(child)
    child.stdout.pipe(log, { end: false })
    child.stderr.pipe(log, { end: false })
    child.on("error", (e) => {
      children.delete(child)
      reject(e)
    })
    child.on("exit", (code, signal) => {
      children.delete(child)
      log.end(() => {
        if (code === 0) resolvePromise(logFile)
        else {
          const err = new Error(
            `${name} failed (${signal ?? `exit code ${code}`}). Last lines of ${relative(process.cwd(), logFile)}:\n${tail(logFile)}`
          )
          err.logFile = logFile
          reject(err)
        }
      })
    })
  })
}

async function step(title, fn) {
  const t = Date.now()
  process.stdout.write(`- ${title}... `)
  const result = await fn()
  say(`${typeof result === "string" ? result + " " : ""}(${seconds(t)})`)
  return result
}

// ------------------------------------------------------------------ services

async function checkPostgres() {
  const { Client } = require("pg")
  const client = new Client({ connectionString: maintenanceUrl, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query("select 1")
    return null
  } catch (e) {
    return e instanceof Error ? e.message || e.code || String(e) : String(e)
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function checkRedis() {
  const Redis = require("ioredis")
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 4000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  })
  let lastError = null
  client.on("error", (e) => (lastError = e))
  try {
    await client.connect()
    const pong = await client.ping()
    return pong === "PONG" ? null : `unexpected answer to PING: ${pong}`
  } catch (e) {
    // ioredis reports "Connection is closed" once it gives up; the socket error says why.
    const cause = lastError ?? e
    return cause instanceof Error ? cause.message || cause.code || String(cause) : String(cause)
  } finally {
    client.disconnect()
  }
}

async function withDatabase(url, fn) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

const demoDb = (fn) => withDatabase(databaseUrl, fn)

function portIsFree(p) {
  return new Promise((done) => {
    const server = net.createServer()
    server.once("error", () => done(false))
    server.listen(p, () => server.close(() => done(true)))
  })
}

function ensureSymlink(path, target) {
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

async function storeMetadata() {
  return demoDb(async (db) => {
    const { rows } = await db.query("select id, metadata, default_sales_channel_id from store order by created_at limit 1")
    return rows[0] ?? null
  })
}

// ------------------------------------------------------------------ main

async function main() {
  say(`medusa-plugin-recommendations demo: database "${dbName}", Redis ${redact(redisUrl)}, ${baseUrl}`)

  // 1. Both services must answer before anything else happens.
  const [pgError, redisError] = await Promise.all([checkPostgres(), checkRedis()])
  if (pgError || redisError) {
    if (pgError) {
      say(`\nPostgreSQL is not reachable at ${redact(maintenanceUrl)}: ${pgError}`)
      say(`  Start it with:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`)
      say(`  (or point DATABASE_URL at a running server, e.g. postgres://postgres@127.0.0.1:5432)`)
    }
    if (redisError) {
      say(`\nRedis is not reachable at ${redact(redisUrl)}: ${redisError}`)
      const redisPort = new URL(redisUrl).port || "6379"
      say(`  Start it with:  redis-server --daemonize yes --bind 127.0.0.1 --port ${redisPort} --save "" --appendonly no`)
      say(`  (or point REDIS_URL at a running server)`)
    }
    process.exit(1)
  }
  say(`- PostgreSQL at ${redact(maintenanceUrl)} and Redis at ${redact(redisUrl)} answer.`)

  for (let i = 0; i < apiInstances; i++) {
    if (!(await portIsFree(port + i))) {
      say(`\nPort ${port + i} is already in use. Stop whatever listens there (another demo?) or set PORT.`)
      process.exit(1)
    }
  }

  // 2. Database.
  await step(`Database "${dbName}"`, () =>
    withDatabase(maintenanceUrl, async (db) => {
      if (fresh) {
        await db.query(`drop database if exists "${dbName}" with (force)`)
      }
      const { rowCount } = await db.query("select 1 from pg_database where datname = $1", [dbName])
      if (rowCount) return "exists"
      await db.query(`create database "${dbName}"`)
      return fresh ? "dropped and created" : "created"
    })
  )

  // 3. The plugin as a merchant installs it: built, then linked into the app's node_modules.
  await step("Building the plugin (medusa plugin:build)", async () => {
    try {
      await run("plugin-build", medusaBin, ["plugin:build"], { cwd: repo })
      return ""
    } catch (e) {
      // tsc still emits on type errors; a build that produced the module can be served.
      if (!existsSync(join(repo, ".medusa", "server", "src", "modules", "recommendations", "index.js"))) throw e
      const errors = readFileSync(e.logFile, "utf8")
        .split("\n")
        .filter((l) => /error/i.test(l) && /TS\d+/.test(l))
        .map((l) => l.replace(/\u001b\[[0-9;]*m/g, "").trim())
      return `\n  ! the build reported ${errors.length || "some"} error(s) but produced the plugin; continuing.\n    ${errors.slice(0, 3).join("\n    ")}\n   `
    }
  })
  ensureSymlink(join(demoDir, "node_modules", "medusa-plugin-recommendations"), relative(join(demoDir, "node_modules"), repo))
  ensureSymlink(join(demoDir, "node_modules", ".bin", "medusa"), relative(join(demoDir, "node_modules", ".bin"), medusaBin))

  // 4. Schema: Medusa's modules and, through the plugin's module loader, the plugin's tables.
  await step("Migrating (medusa db:migrate)", () => run("migrate", medusaBin, ["db:migrate"]).then(() => ""))

  // 5. Catalogue, then the admin user (one after the other: each boots Medusa, and the first boot
  //    of a new database creates the default store).
  const before = await storeMetadata()
  const hasAdmin = await demoDb(async (db) => {
    const { rowCount } = await db.query(`select 1 from "user" where email = $1 and deleted_at is null`, [admin.email])
    return rowCount > 0
  })
  const setup = []
  if (before?.metadata?.reco_demo_seeded_at) {
    say(`- Store already seeded (${before.metadata.reco_demo_seeded_at}); skipping the seed.`)
  } else {
    setup.push(["the store (medusa exec scripts/demo/seed.ts)", () => run("seed", medusaBin, ["exec", relative(demoDir, join(repo, "scripts", "demo", "seed.ts"))])])
  }
  if (!hasAdmin) {
    setup.push([`admin user ${admin.email} (medusa user)`, () => run("admin-user", medusaBin, ["user", "-e", admin.email, "-p", admin.password])])
  }
  if (setup.length) {
    await step(`Seeding ${setup.map(([title]) => title).join(" and ")}`, async () => {
      for (const [, fn] of setup) await fn()
      return ""
    })
  }

  const { publishableKey, salesChannelId } = await demoDb(async (db) => {
    const key = await db.query(
      "select token from api_key where title = $1 and type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1",
      [PUBLISHABLE_KEY_TITLE]
    )
    const store = await db.query("select default_sales_channel_id from store order by created_at limit 1")
    return { publishableKey: key.rows[0]?.token, salesChannelId: store.rows[0]?.default_sales_channel_id ?? null }
  })
  if (!publishableKey) throw new Error(`No publishable key titled "${PUBLISHABLE_KEY_TITLE}"; run again with --fresh.`)

  // 7. The server (plus, while shoppers are simulated, API-only helpers on the next ports so
  //    both cores serve requests).
  const meta = (await storeMetadata())?.metadata ?? {}
  const needBehaviour = !meta.reco_demo_behaviour_at
  const helperCount = needBehaviour ? apiInstances - 1 : 0
  const [server, ...helpers] = await step(
    `Starting Medusa (medusa develop) on ${baseUrl}${helperCount ? ` and ${helperCount} API-only helper(s) (medusa start) on port ${port + 1}${helperCount > 1 ? `-${port + helperCount}` : ""}` : ""}`,
    () =>
      Promise.all([
        startServer({ name: "server", args: ["develop"], port }),
        ...Array.from({ length: helperCount }, (_, i) =>
          startServer({
            name: `api-helper-${i + 1}`,
            args: ["start"],
            port: port + 1 + i,
            env: { RECO_DEMO_API_ONLY: "true", NODE_ENV: "development" },
          })
        ),
      ])
  )

  // 8. Behaviour, unless this database already has it.
  if (!needBehaviour) {
    say(`- Behaviour already generated (${meta.reco_demo_behaviour_at}); skipping.`)
  } else {
    require(tsHook)
    const { runBehaviour } = require("./demo/behaviour.ts")
    const t = Date.now()
    say(`- Generating live behaviour through the store API and the events API (seed ${behaviour.seed}):`)
    const result = await runBehaviour({
      ...behaviour,
      baseUrls: [server, ...helpers].map((s) => s.url),
      publishableKey,
      salesChannelId,
      historyFile,
      password: SHOPPER_PASSWORD,
      log: (line) => say(`  ${line}`),
    })
    const live = result.live
    say(
      `  done in ${seconds(t)}: ${live.sessions} sessions by ${live.shoppers} shoppers (${live.registered} registered), ` +
        `${live.carts} carts, ${live.orders} orders, ${live.abandonedCarts} abandoned carts, ` +
        `${live.lineItemUpdates} quantity changes, ${live.lineItemRemovals} removals, ${live.cartTransfers} guest carts handed to new accounts, ` +
        `${live.eventsSent} storefront events in ${live.eventBatches} batches`
    )
    if (live.soldOutAdds) say(`  ${live.soldOutAdds} add-to-cart attempts hit sold-out variants (some products are out of stock on purpose).`)
    if (live.errors.length) {
      warn(`${live.errors.length} kinds of errors during the simulation:`)
      for (const e of live.errors.slice(0, 10)) say(`    ${e}`)
    }
    say(
      `  History: ${result.history.rows} rows (${result.history.sessions} sessions, ${result.history.orders} orders) from ` +
        `${result.history.from.toISOString().slice(0, 10)} to ${result.history.to.toISOString().slice(0, 10)} -> ${relative(repo, historyFile)}`
    )
    await step("Waiting for the plugin's subscribers to catch up", waitForSubscribers)
    await markStore({ reco_demo_behaviour_at: new Date().toISOString() })
  }
  if (helpers.length) {
    await step("Stopping the API-only helper(s)", () => Promise.all(helpers.map((h) => h.stop())).then(() => ""))
  }

  // 9. History through the import path (idempotent: every row has its own key).
  const meta2 = (await storeMetadata())?.metadata ?? {}
  if (meta2.reco_demo_history_imported_at) {
    say(`- History already imported (${meta2.reco_demo_history_imported_at}); skipping.`)
  } else if (!existsSync(historyFile)) {
    warn(`No history file at ${relative(repo, historyFile)}; run with --fresh to generate one.`)
  } else if (!existsSync(pluginCli)) {
    warn(
      `The plugin's import command (${relative(repo, pluginCli)}) does not exist yet, so the history in ` +
        `${relative(repo, historyFile)} was not loaded. Load it later with: cd demo && node ${relative(demoDir, pluginCli)} import ${relative(demoDir, historyFile)}`
    )
  } else {
    try {
      await step(`Importing the history (medusa-reco import ${relative(demoDir, historyFile)})`, async () => {
        const logFile = await run("import", process.execPath, [pluginCli, "import", historyFile])
        const lines = readFileSync(logFile, "utf8").split("\n").filter((l) => /row|stored|duplicate|reject|import/i.test(l) && !/^\s+at /.test(l))
        return lines.slice(-2).join(" | ").replace(/\u001b\[[0-9;]*m/g, "").trim()
      })
      await markStore({ reco_demo_history_imported_at: new Date().toISOString() })
    } catch (e) {
      warn(`The history import failed; the demo continues without it.\n${e instanceof Error ? e.message : e}`)
    }
  }

  // 10. The catalogue mirror and existing orders (medusa-reco backfill), then the plugin's worker
  // trains every model kind on the store's behaviour and materialises its lists.
  let worker = null
  let models = []
  if (existsSync(pluginCli)) {
    await step("Mirroring the catalogue and backfilling orders (medusa-reco backfill)", async () => {
      const logFile = await run("backfill", process.execPath, [pluginCli, "backfill"])
      const lines = readFileSync(logFile, "utf8").split("\n").filter((l) => /^backfill: /.test(l))
      return lines.join(" | ")
    })
    worker = await step("Starting the plugin worker (medusa-reco worker)", () => startWorker())
    models = await step("Training the models in the worker (medusa-reco train)", () => trainAndWait())
    // 10b. Shoppers come back and use the trained recommendations: impressions, clicks and
    // orders tied to real served lists, which the admin's attribution views show.
    const meta3 = (await storeMetadata())?.metadata ?? {}
    if (meta3.reco_demo_feedback_at) {
      say(`- Recommendation feedback already generated (${meta3.reco_demo_feedback_at}); skipping.`)
    } else {
      require(tsHook)
      const { runFeedback } = require("./demo/feedback.ts")
      const t = Date.now()
      say("- Returning shoppers use the recommendations (GET /store/recommendations, impressions, clicks, orders):")
      const feedback = await runFeedback({
        baseUrl: server.url,
        publishableKey,
        seed: behaviour.seed,
        shoppers: intEnv("DEMO_FEEDBACK_SHOPPERS", 60, 0),
        liveShoppers: behaviour.shoppers,
        registeredShare: behaviour.registeredShare,
        log: (line) => say(`  ${line} (${seconds(t)})`),
      })
      for (const e of feedback.errors) warn(`feedback: ${e}`)
      await step("Waiting for the plugin's subscribers to catch up", waitForSubscribers)
      await markStore({ reco_demo_feedback_at: new Date().toISOString() })
    }
  } else {
    warn(`The plugin CLI (${relative(repo, pluginCli)}) is missing; no training.`)
  }

  // 11. Summary.
  const summary = await demoDb(async (db) => {
    const events = await db.query(
      `select type, count(*)::int as count from reco_event group by type
       order by array_position(array['view','search','impression','click','cart_add','cart_remove','purchase']::varchar[], type::varchar)`
    )
    const sources = await db.query("select source, count(*)::int as count from reco_event group by source order by source")
    const medusa = await db.query(`select
      (select count(*) from product where deleted_at is null)::int as products,
      (select count(*) from "order")::int as orders,
      (select count(*) from cart where completed_at is null)::int as open_carts,
      (select count(*) from customer where has_account)::int as accounts`)
    return { events: events.rows, sources: sources.rows, medusa: medusa.rows[0] }
  })

  say()
  say("=".repeat(72))
  say(`Demo ready in ${seconds(started)}.`)
  say()
  say(`  Admin            ${baseUrl}/app`)
  say(`  Admin login      ${admin.email} / ${admin.password}`)
  say(`  Store API        ${baseUrl}/store  (header x-publishable-api-key)`)
  say(`  Publishable key  ${publishableKey}`)
  say(`  Events API       POST ${baseUrl}/store/recommendations/events`)
  say(`  Database         ${redact(databaseUrl)}  (DEMO_DB_NAME=${dbName})`)
  say(`  Logs             ${relative(process.cwd(), logDir)}/`)
  say()
  say(
    `  Medusa: ${summary.medusa.products} products, ${summary.medusa.orders} orders, ${summary.medusa.open_carts} open carts, ${summary.medusa.accounts} customer accounts`
  )
  say()
  say(`  SELECT type, count(*) FROM reco_event GROUP BY type`)
  for (const row of summary.events) say(`    ${row.type.padEnd(12)} ${String(row.count).padStart(8)}`)
  say(`  by source: ${summary.sources.map((r) => `${r.source} ${r.count}`).join(", ")}`)
  const missing = ["view", "search", "impression", "click", "cart_add", "cart_remove", "purchase"].filter(
    (t) => !summary.events.some((r) => r.type === t)
  )
  if (missing.length) warn(`No ${missing.join(", ")} events recorded.`)
  if (models.length) {
    say()
    say(`  Models (reco_model_run, newest run per kind)`)
    for (const m of models) {
      const metric = m.primary ? `${m.primary} ${Number(m.value).toFixed(4)} vs baseline ${Number(m.baseline).toFixed(4)}` : ""
      say(`    ${m.model_kind.padEnd(15)} ${m.status.padEnd(10)} ${m.is_active ? "active" : "      "} ${(m.backend ?? "-").padEnd(6)} ${metric}`)
    }
    say(`  Worker log: ${relative(process.cwd(), join(logDir, "worker.log"))} (it keeps running: nightly retrain, refresh after new behaviour)`)
  }
  say("=".repeat(72))

  if (!serve) {
    say("--no-serve: stopping the server.")
    await shutdown(missing.length ? 1 : 0)
    return
  }
  say(`Serving at ${baseUrl} until Ctrl-C. Server log follows (also in ${relative(process.cwd(), join(logDir, "server.log"))}).`)
  say()
  server.follow()
  const [code, signal] = await once(server.child, "exit")
  if (!shuttingDown) {
    warn(`The Medusa server stopped (${signal ?? `exit code ${code}`}).`)
    process.exit(code ?? 1)
  }
}

/** Starts `medusa-reco worker` (a plain Node process beside Medusa) and resolves once it consumes. */
function startWorker() {
  mkdirSync(logDir, { recursive: true })
  const logFile = join(logDir, "worker.log")
  const log = createWriteStream(logFile, { flags: "a" })
  // The compiled CLI needs no TypeScript hook.
  const env = { ...childEnv, NODE_OPTIONS: process.env.NODE_OPTIONS ?? "" }
  const child = spawn(process.execPath, [pluginCli, "worker"], { cwd: demoDir, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  children.add(child)
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start; see ${relative(process.cwd(), logFile)}`)), 60_000)
    const onData = (chunk) => {
      if (String(chunk).includes("consuming")) {
        clearTimeout(timer)
        child.stdout.off("data", onData)
        resolvePromise("consuming the reco-demo queues")
      }
    }
    child.stdout.on("data", onData)
    child.on("exit", (code) => {
      children.delete(child)
      clearTimeout(timer)
      reject(new Error(`the worker exited (${code}); see ${relative(process.cwd(), logFile)}:\n${tail(logFile)}`))
    })
  })
}

/** Queues a full training run and waits until every model kind of that job has finished. */
async function trainAndWait() {
  const logFile = await run("train", process.execPath, [pluginCli, "train", "--mode", "full"], {
    env: { ...childEnv, NODE_OPTIONS: process.env.NODE_OPTIONS ?? "" },
  })
  const jobId = /queued training job (\S+)/.exec(readFileSync(logFile, "utf8"))?.[1]
  if (!jobId) throw new Error(`no job id in ${relative(process.cwd(), logFile)}`)
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    const state = await demoDb((db) =>
      db.query(
        `SELECT count(*)::int AS runs, count(*) FILTER (WHERE status = 'running')::int AS running
           FROM reco_model_run WHERE job_id = $1`,
        [jobId]
      )
    )
    const { runs, running } = state.rows[0]
    // Six model kinds per job (trending, item_neighbors, session, content, for_you, intent).
    if (runs >= 6 && running === 0) break
    if (Date.now() > deadline) throw new Error(`training job ${jobId} did not finish in 10 minutes; see demo/.data/logs/worker.log`)
    await new Promise((r) => setTimeout(r, 2000))
  }
  const rows = await demoDb((db) =>
    db.query(
      `SELECT DISTINCT ON (model_kind) model_kind, status, is_active, backend, metrics, baseline_metrics
         FROM reco_model_run ORDER BY model_kind, created_at DESC`
    )
  )
  return rows.rows.map((r) => {
    const primary = Object.keys(r.baseline_metrics ?? {})[0] ?? null
    return { ...r, primary, value: primary ? r.metrics?.[primary] : null, baseline: primary ? r.baseline_metrics?.[primary] : null }
  })
}

/** Starts `medusa <args>` in demo/ and resolves once GET /health answers on its port. */
function startServer({ name, args, port: serverPort, env = {} }) {
  mkdirSync(logDir, { recursive: true })
  const logFile = join(logDir, `${name}.log`)
  const log = createWriteStream(logFile)
  const url = `http://localhost:${serverPort}`
  const child = spawn(medusaBin, args, {
    cwd: demoDir,
    env: { ...childEnv, ...env, PORT: String(serverPort) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  children.add(child)
  child.on("exit", () => children.delete(child))
  let following = verbose && name === "server"
  const forward = (chunk) => {
    log.write(chunk)
    if (following) process.stdout.write(chunk)
  }
  child.stdout.on("data", forward)
  child.stderr.on("data", forward)

  const handle = {
    child,
    url,
    logFile,
    follow: () => (following = true),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      stopChild(child, "SIGTERM")
      const timer = setTimeout(() => stopChild(child, "SIGKILL"), 10_000)
      await once(child, "exit").catch(() => undefined)
      clearTimeout(timer)
    },
  }

  return new Promise((resolvePromise, reject) => {
    let done = false
    child.on("exit", (code, signal) => {
      if (done) return
      done = true
      reject(new Error(`medusa ${args.join(" ")} (${name}) exited (${signal ?? `exit code ${code}`}) before it was ready:\n${tail(logFile)}`))
    })
    const deadline = Date.now() + 240_000
    const poll = async () => {
      if (done) return
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
        if (res.ok) {
          done = true
          resolvePromise(handle)
          return
        }
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) {
        done = true
        reject(new Error(`medusa ${args.join(" ")} (${name}) did not answer ${url}/health within 240 s:\n${tail(logFile)}`))
        return
      }
      setTimeout(poll, 1000)
    }
    setTimeout(poll, 2000)
  })
}

/** Cart and order subscribers run after the HTTP answer; wait until their rows stop changing. */
async function waitForSubscribers() {
  let last = -1
  let stable = 0
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const count = await demoDb(async (db) => {
      const { rows } = await db.query("select count(*)::int as n from reco_event where source = 'subscriber'")
      return rows[0].n
    })
    stable = count === last ? stable + 1 : 0
    last = count
    if (stable >= 3) return `${count} subscriber events`
    await new Promise((r) => setTimeout(r, 1000))
  }
  return `${last} subscriber events (still changing after 120 s)`
}

/** Marks progress in the store's metadata through the Admin API, as an admin would. */
async function markStore(values) {
  try {
    const auth = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(admin),
    })
    const { token } = await auth.json()
    if (!token) throw new Error(`admin login answered ${auth.status}`)
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
    const list = await fetch(`${baseUrl}/admin/stores?fields=id,metadata`, { headers })
    const { stores } = await list.json()
    const store = stores?.[0]
    if (!store) throw new Error(`GET /admin/stores answered ${list.status}`)
    const res = await fetch(`${baseUrl}/admin/stores/${store.id}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ metadata: { ...(store.metadata ?? {}), ...values } }),
    })
    if (!res.ok) throw new Error(`POST /admin/stores/${store.id} answered ${res.status}: ${await res.text()}`)
  } catch (e) {
    warn(`Could not record demo progress in the store metadata (${e instanceof Error ? e.message : e}); a second run will redo this part.`)
  }
}

main().catch(async (e) => {
  say()
  console.error(e instanceof Error ? e.message : e)
  await shutdown(1)
})
