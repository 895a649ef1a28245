/**
 * Price bands from catalogue quantiles, so "band 3 of 5" means the same share of the catalogue in
 * any currency. Edges are the inner quantile cut points; band = number of edges <= price.
 */
export function priceBandEdges(prices: readonly number[], bands = 5): number[] {
  const sorted = prices.filter((p) => Number.isFinite(p) && p >= 0).sort((a, b) => a - b)
  if (sorted.length === 0 || bands < 2) return []
  const edges: number[] = []
  for (let b = 1; b < bands; b++) {
    const edge = sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / bands))]!
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge)
  }
  return edges
}

/** 0-based band of a price, or null when the price is unknown. */
export function priceBand(price: number | null | undefined, edges: readonly number[]): number | null {
  if (price === null || price === undefined || !Number.isFinite(price)) return null
  let band = 0
  while (band < edges.length && price >= edges[band]!) band++
  return band
}
