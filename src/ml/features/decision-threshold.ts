/**
 * The probability threshold that maximises F1 on the given (training) scores. Choosing it on
 * training data keeps the test fold unseen; the answer is the midpoint between two adjacent
 * distinct scores so it does not sit exactly on a training example.
 */
export function bestF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!)
  let positives = 0
  for (let i = 0; i < n; i++) if (labels[i]! > 0.5) positives++
  if (positives === 0 || n === 0) return 0.5
  let tp = 0
  let best = -1
  let threshold = 0.5
  for (let i = 0; i < n; i++) {
    if (labels[order[i]!]! > 0.5) tp++
    const current = scores[order[i]!]!
    const following = i + 1 < n ? scores[order[i + 1]!]! : Number.NEGATIVE_INFINITY
    if (following === current) continue // a threshold cannot split tied scores
    const predicted = i + 1
    const f1 = (2 * tp) / (predicted + positives)
    if (f1 > best) {
      best = f1
      threshold = Number.isFinite(following) ? (current + following) / 2 : current
    }
  }
  return threshold
}
