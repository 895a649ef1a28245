/** Medians of the rounds, the ratios recommendations / products, and bench/results/serve.md. */
import { execFileSync } from "node:child_process"
import { cpus, loadavg, totalmem } from "node:os"
import type { BenchConfig } from "./config"
import { median } from "./load"
import type { Guarded } from "./quiet"
import { type Endpoint, FIELDS, type StoreFacts, type Target, type Validation } from "./targets"

export type Summary = {
  p50: number
  p99: number
  rps: number
  requests: number
  /** Median CPU per answer (ms) of the server and of Postgres, null without /proc. */
  cpuMsPerRequest: number | null
  dbCpuMsPerRequest: number | null
  rounds: Guarded[]
}

const medianOrNull = (values: Array<number | null>) =>
  values.every((v): v is number => v !== null) && values.length ? median(values) : null
export type Ratios = { p50_ratio: number; p99_ratio: number; rps_ratio: number }

export function summarise(rounds: Guarded[]): Summary {
  return {
    p50: median(rounds.map((m) => m.p50)),
    p99: median(rounds.map((m) => m.p99)),
    rps: median(rounds.map((m) => m.rps)),
    requests: rounds.reduce((a, m) => a + m.ok, 0),
    cpuMsPerRequest: medianOrNull(rounds.map((m) => m.serverCpuMsPerRequest)),
    dbCpuMsPerRequest: medianOrNull(rounds.map((m) => m.dbCpuMsPerRequest)),
    rounds,
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

/** Recommendations over products: latency ratios ≤ 1.0 are the target; for rps higher is better. */
export function ratios(reco: Summary, products: Summary): Ratios {
  return {
    p50_ratio: round3(reco.p50 / products.p50),
    p99_ratio: round3(reco.p99 / products.p99),
    rps_ratio: round3(reco.rps / products.rps),
  }
}

/** What `--json` prints: the worse placement on each measure. */
export function worst(all: Ratios[]): Ratios {
  return {
    p50_ratio: Math.max(...all.map((r) => r.p50_ratio)),
    p99_ratio: Math.max(...all.map((r) => r.p99_ratio)),
    rps_ratio: Math.min(...all.map((r) => r.rps_ratio)),
  }
}

export type ReportInput = {
  config: BenchConfig
  facts: StoreFacts
  targets: Target[]
  validations: Validation[]
  summaries: Record<Endpoint, Summary>
  order: Endpoint[][]
  startedAt: Date
  wallS: number
}

const ms = (x: number) => x.toFixed(1)
const rate = (x: number) => x.toFixed(1)
/** The commit the plugin was built from, and whether src/ had uncommitted changes. */
function sourceVersion(repo: string): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim()
    const dirty = git("status", "--porcelain", "--", "src").length > 0
    return `commit ${git("rev-parse", "--short", "HEAD")}${dirty ? " with uncommitted changes under src/" : ""}`
  } catch {
    return "an unknown commit"
  }
}

const opt = (x: number | null, digits = 1) => (x === null ? "–" : x.toFixed(digits))
const verdict = (r: Ratios) => (r.p50_ratio <= 1 && r.p99_ratio <= 1 ? "met" : "not met")

function fieldsParity(validations: Validation[]): string {
  const products = validations.find((v) => v.endpoint === "products")?.productKeys ?? []
  const lines: string[] = []
  for (const v of validations) {
    if (v.endpoint === "products") continue
    const missing = products.filter((k) => !v.productKeys.includes(k))
    const extra = v.productKeys.filter((k) => !products.includes(k))
    lines.push(
      missing.length || extra.length
        ? `${v.endpoint}: product fields differ from /store/products (missing ${missing.join(", ") || "none"}; extra ${extra.join(", ") || "none"})`
        : `${v.endpoint}: the same ${products.length} product fields as /store/products`
    )
  }
  return lines.join("; ")
}

export function renderMarkdown(input: ReportInput): string {
  const { config, facts, targets, validations, summaries, order } = input
  const cpu = cpus()
  const forYou = ratios(summaries.for_you, summaries.products)
  const related = ratios(summaries.related, summaries.products)
  const both = worst([forYou, related])
  const label = (e: Endpoint) => targets.find((t) => t.endpoint === e)!.label
  const rotation = (e: Endpoint) => targets.find((t) => t.endpoint === e)!.rotation
  const validation = (e: Endpoint) => validations.find((v) => v.endpoint === e)
  const endpoints: Endpoint[] = ["products", "for_you", "related"]

  const out: string[] = []
  out.push("# Serving latency: GET /store/recommendations against GET /store/products")
  out.push("")
  out.push(
    `\`npm run bench:serve\` (bench/serve.ts): one Medusa server, both sides measured in the same run under the same load; ` +
      `ratios are recommendations / products. Target: p50 and p99 latency ratios ≤ 1.0. For requests per second ` +
      `higher is better, so an rps ratio ≥ 1.0 is good; it is reported as asked, the target is about latency.`
  )
  out.push("")
  out.push("## Setup")
  out.push("")
  out.push(`- Date: ${input.startedAt.toISOString()} (whole bench ${input.wallS.toFixed(0)} s)`)
  out.push(
    `- Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, ${process.platform}; load average at the end ${loadavg()[0]!.toFixed(2)}. ` +
      `Server, Postgres, Redis and the load generator share these cores.`
  )
  out.push(
    `- Server: \`medusa start\` (NODE_ENV=production, one process, admin disabled) of demo/ with the plugin from \`npm run build\`, ` +
      `${config.build ? "built from" : "not rebuilt (--no-build); working tree at"} ${sourceVersion(config.repo)}; database \`${config.dbName}\` (the demo's seed: ${facts.productCount} published products), ` +
      `region ${facts.regionName} (${facts.currency}).`
  )
  out.push(
    `- Load: autocannon, ${config.connections} connections, ${config.durationS} s per measurement, ${config.rounds} round(s) ` +
      `(${order.map((o) => o.join(" → ")).join("; ")}), after ${config.warmupS} s of unmeasured load per endpoint and one ` +
      `request for every rotated key. Numbers are the medians of the rounds; latency percentiles are taken over every 2xx response of a measurement.`
  )
  out.push(`- Every request: \`limit=${12}&region_id=<region>&fields=${FIELDS}\` (Medusa's default store product fields plus prices), header \`x-publishable-api-key\`.`)
  for (const e of endpoints) {
    const v = validation(e)
    const fb = v && Object.keys(v.fallbacks).length ? `; answers by fallback: ${JSON.stringify(v.fallbacks)}; models: ${JSON.stringify(v.models)}` : ""
    const items = !v ? "" : v.items.min === v.items.max ? `, ${v.items.min} items per answer` : `, ${v.items.min}-${v.items.max} items per answer (mean ${v.items.mean.toFixed(1)})`
    out.push(`- ${e}: \`${label(e)}\`, rotating ${rotation(e)}${items}${fb}`)
  }
  out.push(`- Fields: ${fieldsParity(validations)}`)
  out.push(`- Active model runs: ${facts.runs.map((r) => `${r.model_kind} (${r.algorithm})`).join(", ") || "none"}`)
  out.push("")
  out.push("## Results (medians of the rounds)")
  out.push("")
  out.push("| endpoint | p50 ms | p99 ms | req/s | server CPU ms / answer | Postgres CPU ms / answer | 2xx answers (all rounds) | non-2xx / errors |")
  out.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
  for (const e of endpoints) {
    const s = summaries[e]
    const bad = s.rounds.reduce((a, m) => a + m.non2xx + m.errors, 0)
    out.push(`| ${label(e)} | ${ms(s.p50)} | ${ms(s.p99)} | ${rate(s.rps)} | ${opt(s.cpuMsPerRequest)} | ${opt(s.dbCpuMsPerRequest)} | ${s.requests} | ${bad} |`)
  }
  out.push("")
  out.push(
    "CPU per answer: CPU time of the server's process group, and of the Postgres backends connected to the bench database, " +
      "divided by the 2xx answers of a measurement; other load on the machine disturbs it much less than latency."
  )
  out.push("")
  const all = endpoints.flatMap((e) => summaries[e].rounds)
  const disturbed = all.filter((m) => m.disturbed).length
  if (disturbed) {
    out.push(
      `**Warning:** ${disturbed} of ${all.length} measurements ran while unrelated processes used more than ${config.quietCores} cores ` +
        `(see "other cores" below); their latencies say more about that load than about the endpoints. Rerun on a quiet machine.`
    )
    out.push("")
  }
  out.push("## Ratios (recommendations / products)")
  out.push("")
  out.push("| placement | p50 ratio | p99 ratio | rps ratio (higher is better) | latency target ≤ 1.0 |")
  out.push("| --- | ---: | ---: | ---: | --- |")
  out.push(`| for_you | ${forYou.p50_ratio.toFixed(3)} | ${forYou.p99_ratio.toFixed(3)} | ${forYou.rps_ratio.toFixed(3)} | ${verdict(forYou)} |`)
  out.push(`| related | ${related.p50_ratio.toFixed(3)} | ${related.p99_ratio.toFixed(3)} | ${related.rps_ratio.toFixed(3)} | ${verdict(related)} |`)
  out.push(`| worse of the two (\`--json\`) | ${both.p50_ratio.toFixed(3)} | ${both.p99_ratio.toFixed(3)} | ${both.rps_ratio.toFixed(3)} | ${verdict(both)} |`)
  out.push("")
  out.push("## Every round")
  out.push("")
  out.push(
    "| round | endpoint | p50 ms | p90 ms | p99 ms | mean ms | req/s | 2xx | server CPU ms / answer | Postgres CPU ms / answer | server cores | Postgres cores | other cores | attempts |"
  )
  out.push("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
  for (let r = 0; r < config.rounds; r++) {
    for (const e of order[r % order.length]!) {
      const m = summaries[e].rounds[r]!
      out.push(
        `| ${r + 1} | ${e} | ${ms(m.p50)} | ${ms(m.p90)} | ${ms(m.p99)} | ${ms(m.mean)} | ${rate(m.rps)} | ${m.ok} | ` +
          `${opt(m.serverCpuMsPerRequest)} | ${opt(m.dbCpuMsPerRequest)} | ${opt(m.serverCores, 2)} | ${opt(m.dbCores, 2)} | ` +
          `${opt(m.otherCores, 2)}${m.disturbed ? " (disturbed)" : ""} | ${m.attempts} |`
      )
    }
  }
  out.push("")
  out.push(
    `Other cores: CPU used during the measurement by everything but the server, its database's Postgres backends and the ` +
      `load generator (i.e. unrelated jobs). Above ${config.quietCores} cores a measurement is repeated (at most ${config.retries} times, ` +
      `within a ${config.quietBudgetS} s budget for waiting and repeating); one still above after that is marked disturbed.`
  )
  out.push("")
  out.push(
    "Rerun: `npm run bench:serve` (reuses the seeded database `" +
      config.dbName +
      "`; `-- --json` prints only the worse ratios; `-- --help` for the options)."
  )
  out.push("")
  return out.join("\n")
}
