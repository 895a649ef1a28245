/**
 * Ranking rules shared by every protocol (DESIGN.md §4).
 * - A ranked list breaks score ties by ascending item id.
 * - A held-out item's rank = (items scoring strictly higher) + half of (other items scoring
 *   exactly the same), so a model that scores everything equal gets no credit.
 * Items whose score is -Infinity are excluded (e.g. already in the user's train set).
 */

/** Rank of `target` among candidates; `excluded(item)` items never count. */
export function rankOf(scores: ArrayLike<number>, target: number, excluded?: (item: number) => boolean): number {
  const s = scores[target]!
  let higher = 0
  let equal = 0
  for (let i = 0; i < scores.length; i++) {
    if (i === target || excluded?.(i)) continue
    const v = scores[i]!
    if (v > s) higher++
    else if (v === s) equal++
  }
  return higher + equal / 2
}

/**
 * The top-k items by score, ties by ascending id, skipping excluded ones and -Infinity.
 * Linear-time selection keeps this cheap for full-catalogue scoring.
 */
export function topK(scores: ArrayLike<number>, k: number, excluded?: (item: number) => boolean): number[] {
  const heap: number[] = [] // min-heap by (score asc, id desc): the worst kept item on top
  const worse = (a: number, b: number) => {
    const sa = scores[a]!
    const sb = scores[b]!
    return sa < sb || (sa === sb && a > b)
  }
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  const siftUp = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!worse(heap[i]!, heap[p]!)) return
      ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
      i = p
    }
  }
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] === -Infinity || excluded?.(i)) continue
    if (heap.length < k) {
      heap.push(i)
      siftUp(heap.length - 1)
    } else if (k > 0 && worse(heap[0]!, i)) {
      heap[0] = i
      siftDown(0)
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
}
