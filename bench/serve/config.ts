/** Options of `npm run bench:serve`: command-line flags, then environment, then defaults. */
import { resolve } from "node:path"

export const HELP = `npm run bench:serve [-- options]

Serves the demo store with the plugin (medusa start, NODE_ENV=production) on its own database and
port, then measures, under the same concurrent load (autocannon), p50 / p99 latency and requests
per second of GET /store/recommendations (placements for_you and related) against
GET /store/products?limit=12 with the same fields. Writes bench/results/serve.md.

The database is reused when it is seeded and trained; otherwise it is seeded through
\`npm run demo -- --no-serve\` (about 7 minutes on 2 cores; DEMO_ORDERS etc. shrink it).

Options:
  --json             print only {"p50_ratio":…,"p99_ratio":…,"rps_ratio":…} on stdout
                     (recommendations over products, the worse of for_you and related)
  --connections N    concurrent connections (default 10, env BENCH_CONNECTIONS)
  --duration S       seconds per measurement (default 10, env BENCH_DURATION)
  --rounds N         rounds of all endpoints, order reversed every other round (default 3,
                     env BENCH_ROUNDS); the report takes the median of the rounds
  --warmup S         seconds of unmeasured load per endpoint first (default 3, env BENCH_WARMUP)
  --no-build         do not rebuild the plugin (npm run build) before serving
  --self-check       measure /store/products against itself (the ratios should be about 1.0);
                     checks the harness, needs no recommendations route, writes no report
  -h, --help         this text

Environment:
  BENCH_DB_NAME      database (default medusa_reco_bench; never the demo's)
  BENCH_PORT         port of the measured server (default 9100; seeding uses BENCH_PORT+10/+11)
  BENCH_QUEUE_PREFIX the plugin's BullMQ prefix (default reco-<database>)
  BENCH_KEYS         at most this many shoppers / products / pages rotated per endpoint (default 200)
  BENCH_QUIET_CORES  other load, in cores, that counts as a disturbance (default 0.3): the bench waits
                     for less before each measurement, and measures again (BENCH_RETRIES times, default
                     2) when other processes took more meanwhile; at most BENCH_QUIET_BUDGET seconds
                     (default 180) go to that, then it measures regardless and marks it in the report
  DATABASE_URL       Postgres server (its database name is replaced; default postgres://postgres@127.0.0.1:5432)
  REDIS_URL          Redis (default redis://127.0.0.1:6379)
`

export type BenchConfig = {
  json: boolean
  selfCheck: boolean
  build: boolean
  connections: number
  durationS: number
  rounds: number
  warmupS: number
  maxKeys: number
  /** Other load (cores) above which the bench waits before, and measures again after, a measurement. */
  quietCores: number
  /** Seconds the bench may spend in all on waiting and measuring again. */
  quietBudgetS: number
  retries: number
  dbName: string
  port: number
  seedPort: number
  queuePrefix: string
  serverUrl: string
  databaseUrl: string
  maintenanceUrl: string
  redisUrl: string
  repo: string
  demoDir: string
}

export class UsageError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${name} must be an integer >= ${min} (got "${raw}")`)
  return value
}

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name} must be a number > 0 (got "${raw}")`)
  return value
}

/** Returns null when --help was asked (the caller prints HELP). */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): BenchConfig | null {
  const flags = new Map<string, string | true>()
  const valued = new Set(["--connections", "--duration", "--rounds", "--warmup"])
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === "-h" || arg === "--help") return null
    const [name, inline] = arg.split("=", 2) as [string, string | undefined]
    if (valued.has(name)) {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new UsageError(`${name} needs a value`)
      flags.set(name, value)
    } else if (["--json", "--no-build", "--self-check"].includes(arg)) {
      flags.set(arg, true)
    } else {
      throw new UsageError(`unknown option ${arg}`)
    }
  }
  const flag = (name: string, envName: string) => {
    const v = flags.get(name)
    return typeof v === "string" ? v : env[envName]
  }

  const dbName = env.BENCH_DB_NAME || "medusa_reco_bench"
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(dbName)) {
    throw new UsageError(`BENCH_DB_NAME must be a plain Postgres identifier (letters, digits, _), got "${dbName}"`)
  }
  const server = new URL(env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432")
  const withDb = (name: string) => {
    const url = new URL(server.href)
    url.pathname = `/${name}`
    return url.href
  }
  const port = positiveInt("BENCH_PORT", env.BENCH_PORT, 9100)
  const repo = resolve(__dirname, "..", "..")
  return {
    json: flags.has("--json"),
    selfCheck: flags.has("--self-check"),
    build: !flags.has("--no-build"),
    connections: positiveInt("--connections", flag("--connections", "BENCH_CONNECTIONS"), 10),
    durationS: positiveInt("--duration", flag("--duration", "BENCH_DURATION"), 10),
    rounds: positiveInt("--rounds", flag("--rounds", "BENCH_ROUNDS"), 3),
    warmupS: positiveInt("--warmup", flag("--warmup", "BENCH_WARMUP"), 3, 0),
    maxKeys: positiveInt("BENCH_KEYS", env.BENCH_KEYS, 200),
    quietCores: positiveNumber("BENCH_QUIET_CORES", env.BENCH_QUIET_CORES, 0.3),
    quietBudgetS: positiveInt("BENCH_QUIET_BUDGET", env.BENCH_QUIET_BUDGET, 180, 0),
    retries: positiveInt("BENCH_RETRIES", env.BENCH_RETRIES, 2, 0),
    dbName,
    port,
    seedPort: port + 10,
    // Queues of their own per database: a worker seeding one database never takes another's jobs.
    queuePrefix: env.BENCH_QUEUE_PREFIX || `reco-${dbName}`.slice(0, 32),
    serverUrl: `http://127.0.0.1:${port}`,
    databaseUrl: withDb(dbName),
    maintenanceUrl: withDb("postgres"),
    redisUrl: env.REDIS_URL || "redis://127.0.0.1:6379",
    repo,
    demoDir: resolve(repo, "demo"),
  }
}
