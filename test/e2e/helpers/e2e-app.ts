/**
 * Boots what the admin browser test needs, end to end and through the real paths only:
 * a fresh database, the demo catalogue (scripts/demo/seed.ts through `medusa exec`), an admin
 * user, the production admin bundle (`medusa build` of test/e2e/app, which installs the plugin
 * like a merchant), `medusa start` on a spare port, four weeks of behaviour through
 * `medusa-reco import`, the catalogue mirror (`medusa-reco backfill`), the plugin worker and a
 * first full training; then one registered shopper who clicks a recommendation and buys it
 * through the store API, so the customer and order widgets have something to show.
 */
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync } from "node:fs"
import net from "node:net"
import { dirname, join, relative, resolve } from "node:path"
import { Client } from "pg"
import Redis from "ioredis"
import { writeHistoryCsv } from "../../../scripts/demo/history"
import { Rng } from "../../../scripts/demo/prng"
import { buyableVariant, loadWorld, makeShoppers } from "../../../scripts/demo/world"
import { StoreClient } from "../../../scripts/lib/store-client"
import { type Proc, run, start, tail, waitFor } from "./processes"

export const repo = resolve(__dirname, "../../..")
export const appDir = join(repo, "test", "e2e", "app")
const workDir = join(appDir, ".medusa", "e2e")
export const logDir = join(workDir, "logs")
const medusaBin = join(repo, "node_modules", ".bin", "medusa")
const builtCli = join(repo, ".medusa", "server", "src", "cli", "index.js")
const builtAdmin = join(repo, ".medusa", "server", "src", "admin", "index.mjs")
/** The app installs a copy of the built plugin (what npm would unpack: package.json and .medusa/server). */
const installedPlugin = join(appDir, "node_modules", "medusa-plugin-recommendations")
const pluginCli = join(installedPlugin, ".medusa", "server", "src", "cli", "index.js")
const pluginAdmin = join(installedPlugin, ".medusa", "server", "src", "admin", "index.mjs")
const tsHook = join(repo, "scripts", "lib", "register-ts.cjs")
const adminBundle = join(appDir, ".medusa", "server", "public", "admin", "index.html")

export const ADMIN = { email: "admin@reco-e2e.test", password: "reco-e2e-password" }
const SHOPPER_PASSWORD = "reco-e2e-shopper"
const PUBLISHABLE_KEY_TITLE = "Reco demo storefront"
const SEED = 7

export type E2eApp = {
  baseUrl: string
  databaseUrl: string
  publishableKey: string
  /** A product with related products, for the widget, the preview and the rule. */
  productId: string
  customerId: string | null
  orderId: string | null
  timings: Record<string, number>
  db: <T>(sql: string, params?: unknown[]) => Promise<T[]>
  stop: () => Promise<void>
}

const log = (line: string) => process.stdout.write(`[e2e] ${line}\n`)

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

const mtime = (path: string) => (existsSync(path) ? statSync(path).mtimeMs : 0)

function ensureSymlink(path: string, target: string) {
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

/**
 * Copies the plugin build into the app's node_modules, like an install from the registry. The
 * app then keeps working while someone rebuilds the repository's .medusa/server. Its own
 * dependencies resolve from the repository's node_modules further up.
 */
async function installPlugin(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    rmSync(installedPlugin, { recursive: true, force: true })
    mkdirSync(installedPlugin, { recursive: true })
    try {
      copyFileSync(join(repo, "package.json"), join(installedPlugin, "package.json"))
      cpSync(join(repo, ".medusa", "server"), join(installedPlugin, ".medusa", "server"), { recursive: true, preserveTimestamps: true })
      if (existsSync(pluginCli) && existsSync(pluginAdmin)) return
    } catch (e) {
      if (attempt >= 5) throw e
    }
    if (attempt >= 5) throw new Error(`the plugin build in ${join(repo, ".medusa", "server")} is incomplete`)
    // Another build is rewriting .medusa/server: wait for it.
    await new Promise((r) => setTimeout(r, 10_000))
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = net.createServer()
    server.once("error", () => done(false))
    server.listen(port, () => server.close(() => done(true)))
  })
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) if (await portIsFree(port)) return port
  throw new Error(`no free port in ${from}-${from + 49}`)
}

async function withDb<T>(url: string, fn: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await db.connect()
  try {
    return await fn(db)
  } finally {
    await db.end().catch(() => undefined)
  }
}

export async function bootE2eApp(): Promise<E2eApp> {
  const timings: Record<string, number> = {}
  const t0 = Date.now()
  const mark = (name: string, since: number) => {
    timings[name] = Math.round((Date.now() - since) / 100) / 10
    log(`${name}: ${timings[name]} s`)
  }
  const dbName = process.env.RECO_E2E_DB_NAME || "medusa_reco_e2e"
  const server = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres")
  const withName = (name: string) => Object.assign(new URL(server.href), { pathname: `/${name}` }).href
  const databaseUrl = withName(dbName)
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  const queuePrefix = process.env.RECO_E2E_QUEUE_PREFIX || "reco-e2e"
  const port = await freePort(Number(process.env.RECO_E2E_PORT || 9310))
  const baseUrl = `http://localhost:${port}`
  const procs: Proc[] = []
  mkdirSync(logDir, { recursive: true })

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    RECO_QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    // Medusa's CLI loads medusa-config.ts (and the seed script) through this hook instead of ts-node.
    NODE_OPTIONS: `--require "${tsHook}"`,
  }
  // The compiled plugin CLI needs no TypeScript hook.
  const cliEnv: NodeJS.ProcessEnv = { ...env, NODE_OPTIONS: "" }
  const opts = { cwd: appDir, env, logDir }

  const stop = async () => {
    await Promise.all(procs.reverse().map((p) => p.stop()))
  }

  try {
    // 1. The plugin build the app installs (CI builds it before the tests; rebuild if the admin changed).
    if (!existsSync(builtCli) || mtime(builtAdmin) < newestMtime(join(repo, "src", "admin"))) {
      const t = Date.now()
      await run("plugin-build", "npm", ["run", "build"], { cwd: repo, env: { ...process.env, NODE_OPTIONS: "" }, logDir, timeoutMs: 300_000 })
      mark("plugin build", t)
    }
    await installPlugin()
    ensureSymlink(join(appDir, "node_modules", ".bin", "medusa"), relative(join(appDir, "node_modules", ".bin"), medusaBin))

    // 2. Fresh database and queues.
    await withDb(withName("postgres"), async (db) => {
      await db.query(`drop database if exists "${dbName}" with (force)`)
      await db.query(`create database "${dbName}"`)
    })
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await redis.connect()
    for (let cursor = "0"; ; ) {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${queuePrefix}:*`, "COUNT", 1000)
      if (keys.length) await redis.del(...keys)
      cursor = next
      if (cursor === "0") break
    }
    redis.disconnect()

    // 3. The admin bundle and the store, side by side.
    const bundleFresh = mtime(adminBundle) > Math.max(mtime(pluginAdmin), mtime(join(appDir, "medusa-config.ts")))
    const build = (async () => {
      if (bundleFresh && !process.env.CI) return log("admin bundle is newer than the plugin build; reusing it")
      const t = Date.now()
      await run("medusa-build", medusaBin, ["build"], { ...opts, timeoutMs: 300_000 })
      mark("medusa build", t)
    })()
    const seed = (async () => {
      let t = Date.now()
      await run("migrate", medusaBin, ["db:migrate"], opts)
      mark("db:migrate", t)
      t = Date.now()
      await run("seed", medusaBin, ["exec", relative(appDir, join(repo, "scripts", "demo", "seed.ts"))], opts)
      await run("admin-user", medusaBin, ["user", "-e", ADMIN.email, "-p", ADMIN.password], opts)
      mark("seed and admin user", t)
    })()
    await Promise.all([build, seed])

    // 4. The production server.
    let t = Date.now()
    const serverProc = start("server", medusaBin, ["start"], { cwd: join(appDir, ".medusa", "server"), env, logDir })
    procs.push(serverProc)
    await waitFor(
      `${baseUrl}/health`,
      async () => {
        if (serverProc.child.exitCode !== null) throw new Error(`medusa start exited:\n${tail(serverProc.logFile)}`)
        const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) })
        return res.ok ? true : undefined
      },
      120_000
    ).catch((e) => {
      throw new Error(`${e instanceof Error ? e.message : e}\n${tail(serverProc.logFile)}`)
    })
    mark("medusa start", t)

    const sql = <T>(query: string, params: unknown[] = []) => withDb(databaseUrl, async (db) => (await db.query(query, params)).rows as T[])
    const [key] = await sql<{ token: string }>(
      "select token from api_key where title = $1 and type = 'publishable' and revoked_at is null and deleted_at is null order by created_at limit 1",
      [PUBLISHABLE_KEY_TITLE]
    )
    if (!key) throw new Error("the seed created no publishable key")
    const [store] = await sql<{ default_sales_channel_id: string | null }>("select default_sales_channel_id from store order by created_at limit 1")
    const client = new StoreClient(baseUrl, key.token)

    // 5. Four weeks of behaviour through the import path, and the catalogue mirror.
    t = Date.now()
    const world = await loadWorld(client, SEED)
    world.salesChannelId = store?.default_sales_channel_id ?? null
    const shoppers = makeShoppers(world, 160, SEED, 0, "past")
    const historyFile = join(workDir, "history.csv")
    const history = await writeHistoryCsv(world, shoppers, new Map(), {
      seed: SEED,
      days: 28,
      end: new Date(Date.now() - 2 * 3_600_000),
      sessionsPerDay: 45,
      salesChannelId: world.salesChannelId,
      file: historyFile,
    })
    await run("import", process.execPath, [pluginCli, "import", historyFile], { ...opts, timeoutMs: 180_000 })
    await run("backfill", process.execPath, [pluginCli, "backfill"], { ...opts, timeoutMs: 180_000 })
    mark(`behaviour (${history.rows} rows)`, t)

    // 6. The worker, and a first full training of every model kind.
    t = Date.now()
    let consuming = false
    const worker = start("worker", process.execPath, [pluginCli, "worker", "--retrain-cron", "off"], {
      cwd: appDir,
      env: cliEnv,
      logDir,
      onOutput: (text) => (consuming ||= text.includes("consuming")),
    })
    procs.push(worker)
    await waitFor("the worker", async () => (consuming ? true : worker.child.exitCode !== null ? Promise.reject(new Error(tail(worker.logFile))) : undefined), 60_000, 250)
    const trainLog = await run("train", process.execPath, [pluginCli, "train", "--mode", "full"], { cwd: appDir, env: cliEnv, logDir })
    const jobId = /queued training job (\S+)/.exec(trainLog)?.[1]
    if (!jobId) throw new Error(`no job id in the train command's output:\n${trainLog}`)
    await waitFor(
      `training job ${jobId}`,
      async () => {
        const [row] = await sql<{ runs: number; busy: number }>(
          `select count(*)::int as runs, count(*) filter (where status in ('queued', 'running'))::int as busy from reco_model_run where job_id = $1`,
          [jobId]
        )
        return row && row.runs >= 6 && row.busy === 0 ? true : undefined
      },
      240_000,
      1000
    ).catch((e) => {
      throw new Error(`${e instanceof Error ? e.message : e}\n${tail(worker.logFile)}`)
    })
    mark("first training", t)

    // 7. A product with related products, and one shopper who clicks a recommendation and buys it.
    t = Date.now()
    const region = world.regions.find((r) => r.currency === "eur") ?? world.regions[0]!
    const rng = new Rng(`e2e:${SEED}`)
    type Served = { recommendation_id: string; items: { product: { id: string } }[] }
    let productId: string | null = null
    let related: Served | null = null
    for (const p of [...world.products].sort((a, b) => b.popularity - a.popularity).slice(0, 20)) {
      const list = await client.request<Served>("GET", "/store/recommendations", {
        query: { placement: "related", product_id: p.id, region_id: region.id, limit: 8, fields: "id,title" },
      })
      if (list.items.length >= 4) {
        productId = p.id
        related = list
        break
      }
    }
    if (!productId || !related) throw new Error("no product has four related products after training")

    let customerId: string | null = null
    let orderId: string | null = null
    try {
      const email = "ada.lindqvist@reco-e2e.test"
      const { customer, token } = await client.registerCustomer({ email, password: SHOPPER_PASSWORD, first_name: "Ada", last_name: "Lindqvist" })
      customerId = customer.id
      const auth = { token }
      const forShopper = await client.request<Served>("GET", "/store/recommendations", {
        query: { placement: "related", product_id: productId, region_id: region.id, limit: 8, fields: "id,title" },
        auth,
      })
      const target = forShopper.items.map((i) => world.byId.get(i.product.id)).find((p) => p && buyableVariant(p, rng))
      if (!target) throw new Error("no buyable related product")
      const variant = buyableVariant(target, rng)!
      await client.sendEvents(
        [
          { type: "view", product_id: productId },
          ...forShopper.items.map((item, position) => ({
            type: "impression" as const,
            product_id: item.product.id,
            placement: "related",
            position,
            recommendation_id: forShopper.recommendation_id,
          })),
          {
            type: "click",
            product_id: target.id,
            placement: "related",
            position: forShopper.items.findIndex((i) => i.product.id === target.id),
            recommendation_id: forShopper.recommendation_id,
          },
          { type: "view", product_id: target.id },
        ],
        auth
      )
      let cart = await client.createCart({ region_id: region.id }, auth)
      cart = await client.addLineItem(cart.id, { variant_id: variant.id, quantity: 1 }, auth)
      const address = { first_name: "Ada", last_name: "Lindqvist", address_1: "Keizersgracht 12", city: "Amsterdam", postal_code: "1015 CX", country_code: "nl" }
      await client.updateCart(cart.id, { shipping_address: address, billing_address: address }, auth)
      await client.addAnyShippingMethod(cart.id, undefined, auth)
      await client.preparePayment(cart.id, "pp_system_default", auth)
      orderId = (await client.placeOrder(cart.id, auth)).order.id
    } catch (e) {
      // The widgets still render without them; the test says what is missing.
      log(`the shopper's order could not be placed: ${e instanceof Error ? e.message : e}`)
    }
    mark("shopper and order", t)
    timings.total = Math.round((Date.now() - t0) / 100) / 10
    log(`ready at ${baseUrl}/app in ${timings.total} s`)
    return { baseUrl, databaseUrl, publishableKey: key.token, productId, customerId, orderId, timings, db: sql, stop }
  } catch (e) {
    await stop()
    throw e
  }
}
