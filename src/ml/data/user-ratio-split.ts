import { MlConfigError } from "../errors"
import { createRng } from "../random"
import { selectInteractions, type Interactions } from "./interactions"

export type UserRatioSplit = { train: Interactions; test: Interactions }

export type UserRatioSplitOptions = {
  /** Share of each user's rows that goes to train. */
  ratio?: number
  seed?: number
}

/**
 * Per-user random split, the same procedure as Microsoft Recommenders' python_stratified_split
 * (filter_by="user"), which is their per-user form of a random 75/25 split: every row draws a
 * uniform number in file order, rows are ordered by (user, draw), and a row with 1-based rank r
 * among its user's n rows goes to train when r / n <= ratio, else to test. So train gets
 * floor(ratio * n) rows per user. Their python_random_split with one ratio is a global (not
 * per-user) sklearn split; DESIGN.md §4 asks for per-user, hence this one. The draws come from
 * src/ml/random.ts (mulberry32), not numpy's Mersenne Twister, so the rows differ from theirs
 * while the procedure is the same.
 */
export function splitEachUserByRatio(data: Interactions, options: UserRatioSplitOptions = {}): UserRatioSplit {
  const ratio = options.ratio ?? 0.75
  if (!(ratio > 0 && ratio < 1)) throw new MlConfigError(`split ratio ${ratio} must be in (0, 1)`)
  const rng = createRng(options.seed ?? 42)
  const n = data.users.length
  const draw = new Float64Array(n)
  for (let k = 0; k < n; k++) draw[k] = rng()

  const order = Array.from({ length: n }, (_, k) => k)
  order.sort((a, b) => data.users[a]! - data.users[b]! || draw[a]! - draw[b]! || a - b)

  const train: number[] = []
  const test: number[] = []
  for (let start = 0; start < n; ) {
    let end = start
    while (end < n && data.users[order[end]!] === data.users[order[start]!]) end++
    const count = end - start
    for (let k = start; k < end; k++) {
      const rank = k - start + 1
      ;(rank / count <= ratio ? train : test).push(order[k]!)
    }
    start = end
  }
  // File order within each side keeps the output independent of the sort's internals.
  train.sort((a, b) => a - b)
  test.sort((a, b) => a - b)
  return { train: selectInteractions(data, train), test: selectInteractions(data, test) }
}
