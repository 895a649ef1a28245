import { MlConfigError, MlDataError, throwIfAborted } from "../errors"
import { topK } from "../eval/rank"

/**
 * Trending: popularity with exponential time decay, overall and per segment (region, sales
 * channel, and region x channel). An event of age t counts weight * 2^(-t / halfLife), so a
 * view from one half-life ago is worth half a view now.
 */
export type TrendingEvent = {
  item: number
  /** Milliseconds since the epoch. */
  time: number
  /** Event strength, e.g. view 1, cart 3, purchase 5. Defaults to 1. */
  weight?: number
  region?: string
  channel?: string
}

export type TrendingConfig = {
  halfLifeHours: number
  /** Items kept per list. */
  topN: number
  /**
   * Pseudo-events of the overall distribution mixed into every segment: a new region with
   * three orders still gets a full, sensible list, and one order does not make a trend.
   */
  segmentPrior: number
  /** Decay reference; defaults to the latest event. Events after it count as new. */
  now?: number
}

export const TRENDING_DEFAULTS: TrendingConfig = { halfLifeHours: 72, topN: 100, segmentPrior: 2 }

export type RankedItem = { item: number; score: number }

export type TrendingState = {
  kind: "trending"
  version: 1
  /** The reference time the scores are decayed to. */
  now: number
  config: TrendingConfig
  overall: RankedItem[]
  byRegion: Record<string, RankedItem[]>
  byChannel: Record<string, RankedItem[]>
  /** byRegionChannel[region][channel]. */
  byRegionChannel: Record<string, Record<string, RankedItem[]>>
}

const HOUR_MS = 3_600_000

/** 2^(-age / halfLife); a future event (negative age) counts fully, never more. */
export function decayWeight(ageMs: number, halfLifeMs: number): number {
  if (!Number.isFinite(halfLifeMs)) return 1
  return Math.pow(2, -Math.max(0, ageMs) / halfLifeMs)
}

type Tally = Map<number, number>

function add(tally: Tally, item: number, w: number): void {
  tally.set(item, (tally.get(item) ?? 0) + w)
}

function rank(tally: Tally, topN: number, prior?: { weight: number; overall: Tally; total: number }): RankedItem[] {
  const scores = new Map(tally)
  if (prior && prior.weight > 0 && prior.total > 0) {
    for (const [item, s] of prior.overall) add(scores, item, (prior.weight * s) / prior.total)
  }
  // Ascending ids make topK's index tie-break the documented item-id tie-break.
  const ids = [...scores.keys()].sort((a, b) => a - b)
  const values = ids.map((id) => scores.get(id)!)
  return topK(values, topN).map((k) => ({ item: ids[k]!, score: values[k]! }))
}

export function trainTrending(
  events: readonly TrendingEvent[],
  config: Partial<TrendingConfig> = {},
  control: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}
): TrendingState {
  const c = { ...TRENDING_DEFAULTS, ...config }
  if (!(c.halfLifeHours > 0)) throw new MlConfigError("trending: halfLifeHours must be > 0 (Infinity = no decay)")
  if (!(Number.isInteger(c.topN) && c.topN > 0)) throw new MlConfigError("trending: topN must be a positive integer")
  if (!(c.segmentPrior >= 0)) throw new MlConfigError("trending: segmentPrior must be >= 0")
  let now = c.now ?? -Infinity
  if (c.now === undefined) for (const e of events) now = Math.max(now, e.time)
  if (!Number.isFinite(now)) now = 0
  const halfLifeMs = c.halfLifeHours * HOUR_MS

  const overall: Tally = new Map()
  const byRegion = new Map<string, Tally>()
  const byChannel = new Map<string, Tally>()
  const byRegionChannel = new Map<string, Map<string, Tally>>()
  const segment = <K>(map: Map<K, Tally>, key: K) => {
    let t = map.get(key)
    if (!t) map.set(key, (t = new Map()))
    return t
  }
  for (let i = 0; i < events.length; i++) {
    if (i % 8192 === 0) {
      throwIfAborted(control.signal)
      control.onProgress?.((0.8 * i) / events.length)
    }
    const e = events[i]!
    if (!Number.isInteger(e.item) || e.item < 0) throw new MlDataError(`trending: bad item id ${e.item}`)
    if (!Number.isFinite(e.time)) throw new MlDataError(`trending: event for item ${e.item} has no valid time`)
    const w = (e.weight ?? 1) * decayWeight(now - e.time, halfLifeMs)
    if (!(w > 0)) continue
    add(overall, e.item, w)
    if (e.region !== undefined) add(segment(byRegion, e.region), e.item, w)
    if (e.channel !== undefined) add(segment(byChannel, e.channel), e.item, w)
    if (e.region !== undefined && e.channel !== undefined) {
      let channels = byRegionChannel.get(e.region)
      if (!channels) byRegionChannel.set(e.region, (channels = new Map()))
      add(segment(channels, e.channel), e.item, w)
    }
  }
  let total = 0
  for (const s of overall.values()) total += s
  const prior = { weight: c.segmentPrior, overall, total }
  const lists = (map: Map<string, Tally>) =>
    Object.fromEntries([...map].map(([key, tally]) => [key, rank(tally, c.topN, prior)]))
  const state: TrendingState = {
    kind: "trending",
    version: 1,
    now,
    config: c,
    overall: rank(overall, c.topN),
    byRegion: lists(byRegion),
    byChannel: lists(byChannel),
    byRegionChannel: Object.fromEntries([...byRegionChannel].map(([region, channels]) => [region, lists(channels)])),
  }
  control.onProgress?.(1)
  return state
}

/** The most specific list available: region x channel, then region, then channel, then overall. */
export function trendingFor(state: TrendingState, segment: { region?: string; channel?: string } = {}): RankedItem[] {
  const own = <T>(record: Record<string, T>, key: string | undefined): T | undefined =>
    key !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
  const channels = own(state.byRegionChannel, segment.region)
  return (
    (channels && own(channels, segment.channel)) ??
    own(state.byRegion, segment.region) ??
    own(state.byChannel, segment.channel) ??
    state.overall
  )
}
