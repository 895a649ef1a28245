import { interactionsFromRows, type Interactions } from "../../../src/ml/data/interactions"
import { MlAbortedError, MlConfigError } from "../../../src/ml/errors"
import { AlsModel } from "../../../src/ml/models/als"
import { restoreForYouModel } from "../../../src/ml/models/for-you"
import { createRng } from "../../../src/ml/random"
import { initTf, tf } from "../../../src/ml/tf"

/**
 * Planted structure: two communities of 20 users, each using ~60% of its own 15 items and
 * nothing of the other's. Held-out own-community items must outscore every foreign item.
 */
function planted(): { train: Interactions; held: Array<Set<number>> } {
  const rng = createRng(11)
  const rows: Array<{ user: number; item: number }> = []
  const held: Array<Set<number>> = []
  for (let user = 0; user < 40; user++) {
    const group = user < 20 ? 0 : 1
    const out = new Set<number>()
    for (let k = 0; k < 15; k++) {
      const item = group * 15 + k
      if (rng() < 0.6) rows.push({ user, item })
      else out.add(item)
    }
    held.push(out)
  }
  return { train: interactionsFromRows(rows, { userCount: 40, itemCount: 30 }), held }
}

// Rank 2 for a rank-2 plant; more factors with a weak penalty would fit which own items a user skipped.
/** The implicit-ALS objective Σ c (p - xᵀy)² + λ(Σ‖x‖² + Σ‖y‖²) over the full matrix. */
function objective(model: AlsModel, train: Interactions): number {
  const state = model.toState()
  const { factors: f, alpha, regularization } = state.config
  const observed = new Set(Array.from(train.users, (u, k) => u * state.itemCount + train.items[k]!))
  let loss = 0
  for (let u = 0; u < state.userCount; u++) {
    for (let i = 0; i < state.itemCount; i++) {
      let dot = 0
      for (let k = 0; k < f; k++) dot += state.userFactors[u * f + k]! * state.itemFactors[i * f + k]!
      const seen = observed.has(u * state.itemCount + i)
      loss += (seen ? 1 + alpha : 1) * ((seen ? 1 : 0) - dot) ** 2
    }
  }
  const norm = (v: Float32Array) => v.reduce((s, x) => s + x * x, 0)
  return loss + regularization * (norm(state.userFactors) + norm(state.itemFactors))
}

const small = { factors: 2, iterations: 15, regularization: 1, alpha: 10 }

describe("implicit ALS", () => {
  beforeAll(async () => {
    await initTf()
  })

  it("recovers a planted two-community structure", async () => {
    const { train, held } = planted()
    const model = new AlsModel(small)
    await model.fit(train)
    for (let user = 0; user < 40; user++) {
      const scores = model.scoreUser(user)
      const own = user < 20 ? [0, 15] : [15, 30]
      const foreign = Array.from({ length: 30 }, (_, i) => i).filter((i) => i < own[0]! || i >= own[1]!)
      const bestForeign = Math.max(...foreign.map((i) => scores[i]!))
      for (const item of held[user]!) expect(scores[item]!).toBeGreaterThan(bestForeign)
    }
  })

  it("lowers its objective with every iteration (conjugate-gradient steps included)", async () => {
    const { train } = planted()
    const losses: number[] = []
    for (const iterations of [1, 2, 4, 8, 16]) {
      const model = new AlsModel({ ...small, iterations })
      await model.fit(train)
      losses.push(objective(model, train))
    }
    for (let k = 1; k < losses.length; k++) expect(losses[k]!).toBeLessThanOrEqual(losses[k - 1]! + 1e-6)
    expect(losses.at(-1)!).toBeLessThan(0.8 * losses[0]!)
  })

  it("folds in an unseen shopper from an item history", async () => {
    const { train } = planted()
    const model = new AlsModel(small)
    await model.fit(train)
    const scores = model.scoreItems({ items: [15, 16, 17] })
    const worstOwn = Math.min(...Array.from(scores.subarray(18, 30)))
    const bestForeign = Math.max(...Array.from(scores.subarray(0, 15)))
    expect(worstOwn).toBeGreaterThan(bestForeign)
  })

  it("is deterministic for a seed and survives a state round trip", async () => {
    const { train } = planted()
    const a = new AlsModel({ ...small, seed: 5 })
    const b = new AlsModel({ ...small, seed: 5 })
    await a.fit(train)
    await b.fit(train)
    expect(Array.from(a.scoreUser(3))).toEqual(Array.from(b.scoreUser(3)))
    const restored = restoreForYouModel(a.toState())
    expect(Array.from(restored.scoreUser(3))).toEqual(Array.from(a.scoreUser(3)))
    expect(Array.from(restored.scoreItems({ items: [1, 2] }))).toEqual(Array.from(a.scoreItems({ items: [1, 2] })))
  })

  it("reports progress up to 1, cancels between iterations and leaks no tensors", async () => {
    const { train } = planted()
    const before = tf.memory().numTensors
    const fractions: number[] = []
    await new AlsModel({ ...small, iterations: 4 }).fit(train, { onProgress: (f) => fractions.push(f) })
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1, 1])
    expect(tf.memory().numTensors).toBe(before)

    const controller = new AbortController()
    const fit = new AlsModel(small).fit(train, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    await expect(fit).rejects.toThrow(MlAbortedError)
  })

  it("rejects impossible settings", () => {
    expect(() => new AlsModel({ factors: 0 })).toThrow(MlConfigError)
    expect(() => new AlsModel({ regularization: 0 })).toThrow(MlConfigError)
  })
})
