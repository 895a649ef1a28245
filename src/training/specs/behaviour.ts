import type { Interactions } from "../../ml/data/interactions"
import { topK } from "../../ml/eval/rank"
import { hitAtK, mean, ndcgAtK } from "../../ml/eval/metrics"
import { INTERACTION_TYPES, type TrainingData } from "../training-data"

/**
 * Strength of each interaction type as implicit feedback. Impressions are exposure, not
 * interest, and removals undo an add, so neither counts as a positive.
 */
export const EVENT_WEIGHTS: Record<(typeof INTERACTION_TYPES)[number], number> = {
  view: 1,
  impression: 0,
  click: 2,
  cart_add: 3,
  cart_remove: 0,
  purchase: 5,
}

const WEIGHT_BY_CODE = INTERACTION_TYPES.map((t) => EVENT_WEIGHTS[t])

export function weightOf(data: TrainingData, i: number): number {
  return WEIGHT_BY_CODE[data.type[i]!] ?? 0
}

export function typeOf(data: TrainingData, i: number): (typeof INTERACTION_TYPES)[number] {
  return INTERACTION_TYPES[data.type[i]!]!
}

/** The positive interactions as src/ml's coordinate form, over the run's dense ids. */
export function toInteractions(data: TrainingData): Interactions {
  const rows: number[] = []
  for (let i = 0; i < data.actor.length; i++) if (weightOf(data, i) > 0) rows.push(i)
  return {
    userCount: data.actors.length,
    itemCount: data.products.length,
    users: Int32Array.from(rows, (i) => data.actor[i]!),
    items: Int32Array.from(rows, (i) => data.product[i]!),
    weights: Float32Array.from(rows, (i) => weightOf(data, i)),
    timestamps: Float64Array.from(rows, (i) => data.time[i]!),
  }
}

/** Distinct positively-touched products per actor. */
export function itemsByActor(data: TrainingData): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>()
  for (let i = 0; i < data.actor.length; i++) {
    if (weightOf(data, i) <= 0) continue
    const a = data.actor[i]!
    let set = out.get(a)
    if (!set) out.set(a, (set = new Set()))
    set.add(data.product[i]!)
  }
  return out
}

/** Total positive weight per product: the popularity baseline. */
export function popularityScores(data: TrainingData): Float64Array {
  const scores = new Float64Array(data.products.length)
  for (let i = 0; i < data.actor.length; i++) scores[data.product[i]!]! += weightOf(data, i)
  return scores
}

/**
 * Top-N on the time holdout: for every shopper seen before the cutoff who touched new
 * products after it, rank all products not already touched and score the list.
 */
export function evaluateTopN(
  train: TrainingData,
  holdout: TrainingData,
  scorers: Record<string, (actor: number) => ArrayLike<number>>,
  k = 10
): { metrics: Record<string, Record<string, number>>; cases: number } {
  const seen = itemsByActor(train)
  const later = itemsByActor(holdout)
  const results: Record<string, { ndcg: number[]; hit: number[] }> = {}
  for (const name of Object.keys(scorers)) results[name] = { ndcg: [], hit: [] }
  let cases = 0
  for (const [actor, items] of later) {
    const before = seen.get(actor)
    if (!before) continue
    const fresh = new Set([...items].filter((i) => !before.has(i)))
    if (fresh.size === 0) continue
    cases++
    for (const [name, score] of Object.entries(scorers)) {
      const ranked = topK(score(actor), k, (i) => before.has(i))
      results[name]!.ndcg.push(ndcgAtK(ranked, fresh, k))
      results[name]!.hit.push(ranked.some((i) => fresh.has(i)) ? hitAtK(0, k) : 0)
    }
  }
  const metrics: Record<string, Record<string, number>> = {}
  for (const [name, r] of Object.entries(results)) {
    metrics[name] = { [`ndcg_at_${k}`]: mean(r.ndcg), [`hr_at_${k}`]: mean(r.hit) }
  }
  return { metrics, cases }
}

/** An actor's events in time order, cut into sessions at gaps longer than `gapMs`. */
export function sessionsOf(data: TrainingData, gapMs = 30 * 60_000, accept: (i: number) => boolean = () => true): number[][] {
  const byActor = new Map<number, number[]>()
  for (let i = 0; i < data.actor.length; i++) {
    if (!accept(i)) continue
    const list = byActor.get(data.actor[i]!) ?? []
    list.push(i)
    byActor.set(data.actor[i]!, list)
  }
  const sessions: Array<{ start: number; items: number[] }> = []
  for (const events of byActor.values()) {
    events.sort((a, b) => data.time[a]! - data.time[b]!)
    let current: number[] = []
    let last = -Infinity
    let start = 0
    for (const i of events) {
      if (data.time[i]! - last > gapMs && current.length > 0) {
        sessions.push({ start, items: current })
        current = []
      }
      if (current.length === 0) start = data.time[i]!
      // Repeated consecutive views of one product are one step of the session.
      if (current[current.length - 1] !== data.product[i]!) current.push(data.product[i]!)
      last = data.time[i]!
    }
    if (current.length > 0) sessions.push({ start, items: current })
  }
  return sessions.sort((a, b) => a.start - b.start).map((s) => s.items)
}
