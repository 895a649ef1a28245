import { MlConfigError } from "../errors"

export type RerankOptions = {
  /** 0 keeps the search engine's order, 1 orders by the shopper's affinity alone. */
  weight: number
}

/**
 * Re-orders search results (given in the search engine's relevance order) by the shopper's
 * affinity. The engine's order is kept as a score (1 at the top, falling linearly), so a
 * strong personal match climbs but a barely matching product never leaps over everything.
 * Affinities are scaled by the largest one among these results. Ties keep the engine's order.
 */
export function rerankByAffinity(ids: string[], affinityOf: (id: string) => number, options: RerankOptions): string[] {
  if (!(options.weight >= 0 && options.weight <= 1)) {
    throw new MlConfigError(`rerank weight must be in [0, 1], got ${options.weight}`)
  }
  const n = ids.length
  const affinities = ids.map((id) => {
    const a = affinityOf(id)
    return Number.isFinite(a) && a > 0 ? a : 0
  })
  const max = Math.max(0, ...affinities)
  if (max === 0 || options.weight === 0) return [...ids]
  const scored = ids.map((id, rank) => ({
    id,
    rank,
    score: (1 - options.weight) * (1 - rank / n) + options.weight * (affinities[rank]! / max),
  }))
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank)
  return scored.map((s) => s.id)
}
