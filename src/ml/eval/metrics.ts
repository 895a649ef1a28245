/** Ranking and classification metrics. `ranked` lists are best first; `relevant` is the held-out set. */

export function precisionAtK(ranked: number[], relevant: Set<number>, k: number): number {
  let hits = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++
  return hits / k
}

export function recallAtK(ranked: number[], relevant: Set<number>, k: number): number {
  if (relevant.size === 0) return 0
  let hits = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++
  return hits / relevant.size
}

/** NDCG@k with binary gains; the ideal list puts min(k, |relevant|) hits first. */
export function ndcgAtK(ranked: number[], relevant: Set<number>, k: number): number {
  let dcg = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) dcg += 1 / Math.log2(i + 2)
  let idcg = 0
  for (let i = 0; i < Math.min(k, relevant.size); i++) idcg += 1 / Math.log2(i + 2)
  return idcg === 0 ? 0 : dcg / idcg
}

/**
 * Average precision of a top-k list, normalised by the number of relevant items (the
 * Microsoft Recommenders definition used for the published ML-100k figures).
 */
export function averagePrecisionAtK(ranked: number[], relevant: Set<number>, k: number): number {
  if (relevant.size === 0) return 0
  let hits = 0
  let sum = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (relevant.has(ranked[i]!)) {
      hits++
      sum += hits / (i + 1)
    }
  }
  return sum / relevant.size
}

/** A hit when the held-out item's rank (see rank.ts) is below k. */
export function hitAtK(rank: number, k: number): number {
  return rank < k ? 1 : 0
}

/** Reciprocal rank truncated at k: 1 / (rank + 1) for a hit, else 0. */
export function reciprocalRankAtK(rank: number, k: number): number {
  return rank < k ? 1 / (rank + 1) : 0
}

/** ROC AUC by the rank-sum (Mann-Whitney) formula with average ranks for ties. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!)
  const ranks = new Float64Array(n)
  for (let i = 0; i < n; ) {
    let j = i
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++
    const avg = (i + j) / 2 + 1
    for (let t = i; t <= j; t++) ranks[order[t]!] = avg
    i = j + 1
  }
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < n; i++) {
    if (labels[i]! > 0.5) {
      positives++
      rankSum += ranks[i]!
    }
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** F1 of the positive class at a probability threshold. */
export function f1Score(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): number {
  let tp = 0
  let fp = 0
  let fn = 0
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold
    const actual = labels[i]! > 0.5
    if (predicted && actual) tp++
    else if (predicted) fp++
    else if (actual) fn++
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}
