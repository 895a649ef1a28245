import { userItemCsr } from "../data/csr"
import type { Interactions } from "../data/interactions"
import { MlDataError, throwIfAborted } from "../errors"
import type { ForYouModel, ItemHistory, TrainOptions } from "./for-you"

export type PopularityState = { kind: "popularity"; itemCount: number; counts: Float32Array }

/** The baseline: every user gets items by how many distinct users interacted with them. */
export class PopularityModel implements ForYouModel {
  readonly name = "popularity"
  private counts = new Float32Array(0)

  get itemCount(): number {
    return this.counts.length
  }

  static fromState(state: PopularityState): PopularityModel {
    if (state.counts.length !== state.itemCount) throw new MlDataError("popularity state: counts length != itemCount")
    const model = new PopularityModel()
    model.counts = Float32Array.from(state.counts)
    return model
  }

  async fit(train: Interactions, options: TrainOptions = {}): Promise<void> {
    throwIfAborted(options.signal)
    // Through the CSR so a user who repeats an item counts once.
    const matrix = userItemCsr(train, { duplicates: "max" })
    const counts = new Float32Array(train.itemCount)
    for (let k = 0; k < matrix.indptr[matrix.rows]!; k++) counts[matrix.indices[k]!]!++
    this.counts = counts
    options.onProgress?.(1)
  }

  scoreUser(_user: number): Float32Array {
    return Float32Array.from(this.counts)
  }

  scoreItems(_history: ItemHistory): Float32Array {
    return Float32Array.from(this.counts)
  }

  toState(): PopularityState {
    return { kind: "popularity", itemCount: this.counts.length, counts: Float32Array.from(this.counts) }
  }
}
