import { setImmediate as yieldToEventLoop } from "node:timers/promises"
import { userItemCsr, type CsrMatrix } from "../data/csr"
import type { Interactions } from "../data/interactions"
import { MlConfigError, MlDataError, throwIfAborted } from "../errors"
import { spdInverse } from "../linalg/spd-inverse"
import { initTf, tf } from "../tf"
import type { ForYouModel, ItemHistory, TrainOptions } from "./for-you"

export type EaseConfig = {
  /** L2 penalty on B, added to the Gram diagonal. */
  lambda: number
  /**
   * Dropout emphasis of Steck's EDLAE ("Autoencoders that don't overfit towards the identity",
   * NeurIPS 2020): each item's diagonal also gets p/(1-p) times its own count, so popular items
   * are regularised harder. 0 gives plain EASE.
   */
  dropout: number
  /** "binary": every interaction is 1 (the P1 protocol counts every rating as a positive); "weight": use it. */
  input: "binary" | "weight"
}

/**
 * Chosen on validation splits carved from the P1 train split (seeds 1-3, test rows unused):
 * val NDCG@10 0.251 at λ=100, 0.266 at 300, 0.268 at 500 and 800. Dropout emphasis, rating
 * weights (worse: 0.247), user-length and popularity re-weighting moved it by < 0.002.
 */
export const DEFAULT_EASE_CONFIG: EaseConfig = { lambda: 500, dropout: 0, input: "binary" }

export type EaseState = {
  kind: "ease"
  itemCount: number
  config: EaseConfig
  /** B, row-major items x items: row i is what having item i adds to every item's score. */
  weights: Float32Array
  /** Each training user's item row, so scoreUser works after a restore. */
  users: CsrMatrix
}

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders", WWW 2019) in closed form:
 * P = (XᵀX + Λ)⁻¹, B = I - P · diag(1 / diag(P)), i.e. B_ij = -P_ij / P_jj and B_jj = 0.
 * The zero diagonal keeps an item from recommending itself; the formula holds for any
 * diagonal Λ, which is how the dropout emphasis enters.
 */
export class EaseModel implements ForYouModel {
  readonly name = "ease"
  readonly config: EaseConfig
  private weights: Float32Array = new Float32Array(0)
  private users: CsrMatrix | null = null
  private items = 0

  constructor(config: Partial<EaseConfig> = {}) {
    this.config = { ...DEFAULT_EASE_CONFIG, ...config }
    const { lambda, dropout } = this.config
    if (!(lambda >= 0)) throw new MlConfigError(`EASE lambda must be >= 0, got ${lambda}`)
    if (!(dropout >= 0 && dropout < 1)) throw new MlConfigError(`EASE dropout must be in [0, 1), got ${dropout}`)
  }

  get itemCount(): number {
    return this.items
  }

  static fromState(state: EaseState): EaseModel {
    if (state.weights.length !== state.itemCount * state.itemCount || state.users.cols !== state.itemCount) {
      throw new MlDataError("EASE state: weights or user rows do not match itemCount")
    }
    const model = new EaseModel(state.config)
    model.items = state.itemCount
    model.weights = Float32Array.from(state.weights)
    model.users = state.users
    return model
  }

  async fit(train: Interactions, options: TrainOptions = {}): Promise<void> {
    const { signal, onProgress } = options
    const checkpoint = async (fraction: number) => {
      await yieldToEventLoop()
      throwIfAborted(signal)
      onProgress?.(fraction)
    }
    await initTf()
    throwIfAborted(signal)
    const n = train.itemCount
    const binary = this.config.input === "binary"
    const users = userItemCsr(train, { duplicates: "max", value: binary ? () => 1 : (w) => w })
    // The JS Gram is not kept: once copied into the backend it can be collected (items² floats).
    const gramTensor = tf.tensor2d(await this.gramWithPenalty(users, checkpoint), [n, n])
    let inverse: tf.Tensor2D
    try {
      inverse = await spdInverse(gramTensor, { checkpoint: (f) => checkpoint(0.1 + 0.8 * f) })
    } finally {
      gramTensor.dispose()
    }
    const weightsTensor = tf.tidy(() => {
      // Column j divided by P_jj; the diagonal then reads -1 and is zeroed below.
      const diagonal = tf.reshape(tf.sum(tf.mul(inverse, tf.eye(n)), 0), [1, n])
      return tf.neg(tf.div(inverse, diagonal))
    })
    inverse.dispose()
    const raw = await weightsTensor.data()
    weightsTensor.dispose()
    const weights = raw instanceof Float32Array ? raw : Float32Array.from(raw)
    for (let j = 0; j < n; j++) weights[j * n + j] = 0

    this.items = n
    this.weights = weights
    this.users = users
    onProgress?.(1)
  }

  /** XᵀX from the sparse rows (Σ over users of row-length², far below items² x users) plus Λ. */
  private async gramWithPenalty(users: CsrMatrix, checkpoint: (fraction: number) => Promise<void>): Promise<Float32Array> {
    const n = users.cols
    const gram = new Float32Array(n * n)
    const { indptr, indices, values } = users
    for (let u = 0; u < users.rows; u++) {
      const start = indptr[u]!
      const end = indptr[u + 1]!
      for (let a = start; a < end; a++) {
        const row = indices[a]! * n
        const va = values[a]!
        for (let b = start; b < end; b++) gram[row + indices[b]!]! += va * values[b]!
      }
      if ((u & 1023) === 1023) await checkpoint((0.1 * u) / users.rows)
    }
    const emphasis = this.config.dropout / (1 - this.config.dropout)
    for (let j = 0; j < n; j++) gram[j * n + j]! += this.config.lambda + emphasis * gram[j * n + j]!
    // An item nobody touched has a zero row: the penalty alone keeps the matrix invertible,
    // unless lambda is 0, which only works when every item has data.
    return gram
  }

  scoreUser(user: number): Float32Array {
    const users = this.users
    if (!users) throw new MlDataError("EASE model is not fitted")
    if (user < 0 || user >= users.rows) return new Float32Array(this.items)
    const start = users.indptr[user]!
    const end = users.indptr[user + 1]!
    return this.scoreItems({ items: users.indices.subarray(start, end), weights: users.values.subarray(start, end) })
  }

  scoreItems(history: ItemHistory): Float32Array {
    if (!this.users) throw new MlDataError("EASE model is not fitted")
    const n = this.items
    const scores = new Float32Array(n)
    const binary = this.config.input === "binary"
    for (let k = 0; k < history.items.length; k++) {
      const item = history.items[k]!
      if (item < 0 || item >= n) continue // items the model never saw carry no signal
      const x = binary ? 1 : (history.weights?.[k] ?? 1)
      const row = item * n
      for (let j = 0; j < n; j++) scores[j]! += x * this.weights[row + j]!
    }
    return scores
  }

  toState(): EaseState {
    if (!this.users) throw new MlDataError("EASE model is not fitted")
    return {
      kind: "ease",
      itemCount: this.items,
      config: { ...this.config },
      weights: Float32Array.from(this.weights),
      users: this.users,
    }
  }
}
