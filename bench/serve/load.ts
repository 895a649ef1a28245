/**
 * One timed measurement of one endpoint with autocannon: a fixed number of connections for a fixed
 * time, each request taking the next key of the endpoint's rotation (shared by all connections).
 * Latencies are collected per response (sub-millisecond, 2xx only) rather than read from
 * autocannon's histogram, which rounds to whole milliseconds.
 */
import autocannon from "autocannon"
import { startCpuAccounting, type Watched } from "./cpu"
import type { RotatedRequest, Target } from "./targets"

export type Measurement = {
  p50: number
  p90: number
  p99: number
  mean: number
  /** 2xx responses per second of the run. */
  rps: number
  ok: number
  non2xx: number
  /** Connection errors (including timeouts). */
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  durationS: number
  /** CPU per 2xx answer (ms) of the server's process group and of the bench database's Postgres backends; null without /proc. */
  serverCpuMsPerRequest: number | null
  dbCpuMsPerRequest: number | null
  /** Cores busy with the server, the bench database, and everything else but the load generator. */
  serverCores: number | null
  dbCores: number | null
  otherCores: number | null
  /** autocannon's own (whole-millisecond) percentiles, for cross-checking. */
  autocannon: { p50: number; p99: number; rps: number }
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1]!
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export async function measure(
  serverUrl: string,
  target: Target,
  opts: { connections: number; durationS: number; timeoutS?: number; watched?: Watched | null }
): Promise<Measurement> {
  const rotation: RotatedRequest[] = target.requests
  let next = 0
  const latencies: number[] = []
  const cpu = startCpuAccounting(opts.watched ?? null)
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: serverUrl,
        connections: opts.connections,
        duration: opts.durationS,
        timeout: opts.timeoutS ?? 30,
        requests: [
          {
            method: "GET",
            setupRequest: (req) => {
              const r = rotation[next++ % rotation.length]!
              return { ...req, path: r.path, headers: { ...req.headers, ...r.headers } }
            },
          },
        ],
      },
      (err: unknown, res: autocannon.Result) => (err ? reject(err) : resolve(res))
    )
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
    })
  })
  const usage = cpu()
  latencies.sort((a, b) => a - b)
  const statusCodes: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0
  const durationS = result.duration || opts.durationS
  return {
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    rps: latencies.length / durationS,
    ok: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    durationS,
    serverCpuMsPerRequest: usage && latencies.length ? (usage.serverCpuS * 1000) / latencies.length : null,
    dbCpuMsPerRequest: usage && latencies.length ? (usage.dbCpuS * 1000) / latencies.length : null,
    serverCores: usage?.serverCores ?? null,
    dbCores: usage?.dbCores ?? null,
    otherCores: usage?.otherCores ?? null,
    autocannon: { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average },
  }
}
