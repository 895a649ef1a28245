import { compareCandidates, type Candidate } from "./candidate"

export type BlendSource = { source: string; weight: number; items: Candidate[] }

/**
 * Merges candidate lists from different sources (neighbours, trending, personal lists...).
 * Raw scores of different models live on different scales, so each source is normalised to a
 * best item of 1 before weighting: score / max positive score, or 1/(rank+1) when the source has
 * no positive score to divide by (all zero or negative). Contributions are summed per product.
 *
 * The merged candidate keeps the reason and source of the source that contributed most to it;
 * on equal contributions the earlier source in `sources` wins. Sources with weight <= 0 are
 * ignored; inside a source only the first (highest-ranked) occurrence of a product counts.
 * Non-finite scores count as 0, so one NaN cannot poison a whole source's normalisation.
 */
export function blendCandidates(sources: BlendSource[], limit?: number): Candidate[] {
  type Acc = { score: number; best: number; from: Candidate }
  const merged = new Map<string, Acc>()

  for (const { weight, items } of sources) {
    if (!(weight > 0)) continue // also skips NaN weights
    const seen = new Set<string>()
    const unique: Candidate[] = []
    for (const item of items) {
      if (seen.has(item.productId)) continue
      seen.add(item.productId)
      unique.push(item)
    }
    const finite = (s: number) => (Number.isFinite(s) ? s : 0)
    const max = unique.reduce((m, c) => Math.max(m, finite(c.score)), 0)
    unique.forEach((item, rank) => {
      const normalised = max > 0 ? finite(item.score) / max : 1 / (rank + 1)
      const contribution = normalised * weight
      const acc = merged.get(item.productId)
      if (!acc) {
        merged.set(item.productId, { score: contribution, best: contribution, from: item })
        return
      }
      acc.score += contribution
      if (contribution > acc.best) {
        acc.best = contribution
        acc.from = item
      }
    })
  }

  const out: Candidate[] = []
  for (const [productId, acc] of merged) {
    out.push({ productId, score: acc.score, reason: { ...acc.from.reason }, source: acc.from.source })
  }
  out.sort(compareCandidates)
  return limit === undefined ? out : out.slice(0, Math.max(0, Math.floor(limit)))
}
