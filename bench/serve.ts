/**
 * npm run bench:serve [-- --json]: serves the seeded demo store (own database and port, production
 * mode) and measures, in one run and under the same concurrent load, p50 / p99 latency and
 * requests per second of GET /store/recommendations (for_you and related) against
 * GET /store/products?limit=12 with the same fields. Writes bench/results/serve.md; `--json`
 * prints only {"p50_ratio","p99_ratio","rps_ratio"} (recommendations over products, the worse
 * placement). Logs go to stderr. Any non-2xx answer or connection error fails the bench (exit 1):
 * a fast error is not a result. `npm run bench:serve -- --help` lists the options.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import {
  buildPlugin,
  databaseReadiness,
  linkPluginIntoDemo,
  type Server,
  seedThroughDemo,
  startServer,
  withDb,
} from "./serve/app"
import { type BenchConfig, HELP, parseConfig, UsageError } from "./serve/config"
import type { Watched } from "./serve/cpu"
import { type Measurement, measure } from "./serve/load"
import { stopAllChildren } from "./serve/processes"
import { type Guarded, QuietGuard } from "./serve/quiet"
import { type Ratios, ratios, renderMarkdown, type Summary, summarise, worst } from "./serve/report"
import { buildTargets, type Endpoint, readStoreFacts, type Target, type Validation, validateTarget } from "./serve/targets"

const OUT = join(__dirname, "results", "serve.md")
const log = (line: string) => process.stderr.write(`[bench:serve] ${line}\n`)

let server: Server | null = null
let stopping = false

async function cleanUp(): Promise<void> {
  if (server) await server.stop()
  await stopAllChildren()
}

for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping the server and child processes...`)
    void cleanUp().finally(() => process.exit(code))
  })
}

/** Finds one failing request of a target and says what it answered (autocannon keeps no bodies). */
async function describeFailure(serverUrl: string, target: Target, m: Measurement): Promise<string> {
  const summary = `${target.endpoint}: ${m.non2xx} non-2xx answers (${JSON.stringify(m.statusCodes)}), ${m.errors} connection errors, ${m.timeouts} timeouts`
  for (const req of target.requests.slice(0, 50)) {
    try {
      const res = await fetch(serverUrl + req.path, { headers: req.headers, signal: AbortSignal.timeout(30_000) })
      if (res.status < 200 || res.status >= 300) {
        return `${summary}\n  e.g. GET ${req.path} answered ${res.status}: ${(await res.text()).slice(0, 500)}`
      }
    } catch (e) {
      return `${summary}\n  e.g. GET ${req.path} failed: ${e instanceof Error ? e.message : String(e)}`
    }
  }
  return summary
}

const describe = (m: Measurement) =>
  `p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, ${m.rps.toFixed(1)} req/s, ${m.ok} × 2xx, ` +
  `CPU per answer: server ${m.serverCpuMsPerRequest?.toFixed(1) ?? "?"} ms, Postgres ${m.dbCpuMsPerRequest?.toFixed(1) ?? "?"} ms; ` +
  `cores: server ${m.serverCores?.toFixed(2) ?? "?"}, Postgres ${m.dbCores?.toFixed(2) ?? "?"}, other ${m.otherCores?.toFixed(2) ?? "?"} ` +
  `(autocannon: p50 ${m.autocannon.p50} ms, p99 ${m.autocannon.p99} ms, ${m.autocannon.rps} req/s)`

async function prepare(config: BenchConfig): Promise<void> {
  await withDb(config.maintenanceUrl, (db) => db.query("SELECT 1")).catch((e: unknown) => {
    throw new Error(`PostgreSQL is not reachable at ${config.maintenanceUrl}: ${e instanceof Error ? e.message : String(e)}`)
  })
  const readiness = await databaseReadiness(config)
  let built = false
  if (!readiness.ready) {
    log(`${readiness.why}: seeding ${config.dbName} through \`npm run demo -- --no-serve\` (about 7 minutes on 2 cores)...`)
    const t = Date.now()
    await seedThroughDemo(config)
    built = true // the demo script builds the plugin first
    const again = await databaseReadiness(config)
    if (!again.ready) throw new Error(`after seeding, ${config.dbName} is still not ready: ${again.why}`)
    log(`seeded and trained in ${((Date.now() - t) / 1000).toFixed(0)} s`)
  } else {
    log(`reusing the seeded and trained database ${config.dbName}`)
  }
  if (config.build && !built) {
    const t = Date.now()
    log("building the plugin (npm run build)...")
    await buildPlugin(config)
    log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`)
  }
  linkPluginIntoDemo(config)
}

async function run(config: BenchConfig): Promise<Ratios> {
  const startedAt = new Date()
  await prepare(config)
  server = await startServer(config, log)
  const url = server.url

  const facts = await readStoreFacts(config)
  const targets = buildTargets(facts, config)
  const byEndpoint = (e: Endpoint) => targets.find((t) => t.endpoint === e)!

  const validations: Validation[] = []
  for (const target of targets) validations.push(await validateTarget(url, target, log))

  const watched: Watched | null = server.child.pid === undefined ? null : { serverPgid: server.child.pid, dbName: config.dbName }
  const guard = new QuietGuard(config, watched, log)
  const measureOrFail = async (target: Target, durationS: number): Promise<Measurement> => {
    const m = await measure(url, target, { connections: config.connections, durationS, watched })
    if (m.non2xx || m.errors || !m.ok) throw new Error(`a request failed, so this run is not a result:\n${await describeFailure(url, target, m)}`)
    return m
  }

  if (config.warmupS > 0) {
    for (const target of targets) {
      const m = await measureOrFail(target, config.warmupS)
      log(`warm-up ${target.endpoint}: ${describe(m)}`)
    }
  }

  // Rounds alternate the order (A B C, C B A, ...), so drift over the run weighs on every endpoint alike.
  const forward: Endpoint[] = ["products", "for_you", "related"]
  const order = Array.from({ length: config.rounds }, (_, r) => (r % 2 ? [...forward].reverse() : forward))
  const results: Record<Endpoint, Guarded[]> = { products: [], for_you: [], related: [] }
  for (let r = 0; r < config.rounds; r++) {
    for (const endpoint of order[r]!) {
      const what = `round ${r + 1}/${config.rounds} ${endpoint}`
      const m = await guard.measure(() => measureOrFail(byEndpoint(endpoint), config.durationS), what)
      results[endpoint].push(m)
      log(`${what}: ${describe(m)}${m.disturbed ? " [disturbed by other load]" : ""}`)
    }
  }

  await server.stop()
  server = null

  const summaries: Record<Endpoint, Summary> = {
    products: summarise(results.products),
    for_you: summarise(results.for_you),
    related: summarise(results.related),
  }
  const forYou = ratios(summaries.for_you, summaries.products)
  const related = ratios(summaries.related, summaries.products)
  log(`for_you / products: ${JSON.stringify(forYou)}`)
  log(`related / products: ${JSON.stringify(related)}`)

  if (config.selfCheck) {
    log("--self-check: both placements were /store/products itself, so every ratio should be close to 1.0; no report written.")
  } else {
    const md = renderMarkdown({
      config,
      facts,
      targets,
      validations,
      summaries,
      order,
      startedAt,
      wallS: (Date.now() - startedAt.getTime()) / 1000,
    })
    mkdirSync(join(__dirname, "results"), { recursive: true })
    writeFileSync(OUT, md)
    log(`wrote ${relative(process.cwd(), OUT)}`)
  }
  return worst([forYou, related])
}

async function main(): Promise<number> {
  let config: BenchConfig | null
  try {
    config = parseConfig(process.argv.slice(2), process.env)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${HELP}`)
      return 2
    }
    throw e
  }
  if (!config) {
    process.stdout.write(HELP)
    return 0
  }
  try {
    const result = await run(config)
    if (config.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else log(`recommendations / products (worse placement): ${JSON.stringify(result)}`)
    return 0
  } catch (e) {
    // After Ctrl-C, requests fail because the server is going away: not worth a message.
    if (!stopping) log(`failed: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  } finally {
    await cleanUp()
  }
}

main().then(
  // After a signal, its handler sets the exit code once the children are gone.
  (code) => (stopping ? undefined : process.exit(code)),
  (e: unknown) => {
    log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
    void cleanUp().finally(() => process.exit(1))
  }
)
