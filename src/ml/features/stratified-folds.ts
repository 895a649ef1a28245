import { MlConfigError, MlDataError } from "../errors"
import { createRng, shuffleInPlace } from "../random"

export type FoldSplit = { train: number[]; test: number[] }

/**
 * Seeded stratified k-fold: each class is shuffled on its own and dealt round-robin, so every
 * fold keeps the overall positive rate (within one row) and fold sizes differ by at most one per class.
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): FoldSplit[] {
  if (!Number.isInteger(k) || k < 2) throw new MlConfigError(`k-fold needs an integer k >= 2, got ${k}`)
  if (labels.length < k) throw new MlDataError(`${labels.length} rows cannot fill ${k} folds`)
  const rng = createRng(seed)
  const byClass = new Map<number, number[]>()
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]! > 0.5 ? 1 : 0
    const list = byClass.get(label) ?? []
    list.push(i)
    byClass.set(label, list)
  }
  const tests: number[][] = Array.from({ length: k }, () => [])
  let next = 0
  for (const label of [...byClass.keys()].sort()) {
    for (const index of shuffleInPlace(byClass.get(label)!, rng)) {
      tests[next]!.push(index)
      next = (next + 1) % k
    }
  }
  return tests.map((test) => {
    const inTest = new Set(test)
    const train: number[] = []
    for (let i = 0; i < labels.length; i++) if (!inTest.has(i)) train.push(i)
    test.sort((a, b) => a - b)
    return { train, test }
  })
}
