import type { Interactions } from "../data/interactions"
import { MlConfigError } from "../errors"
import { AlsModel, type AlsConfig, type AlsState } from "./als"
import { EaseModel, type EaseConfig, type EaseState } from "./ease"
import { PopularityModel, type PopularityState } from "./popularity"

/** What a training job passes in: cancel with the signal, hear progress as a fraction in [0, 1]. */
export type TrainOptions = {
  signal?: AbortSignal
  onProgress?: (fraction: number) => void
}

/** A shopper known only by what they touched (not seen in training): item ids, optional strengths. */
export type ItemHistory = {
  items: ArrayLike<number>
  weights?: ArrayLike<number>
}

/**
 * A personalised top-N model over dense ids. The protocol (eval/protocols/p1-topn.ts) and the
 * training pipeline use it the same way: fit, then score users; the caller excludes what the
 * user already has and takes the top N. State is typed arrays and numbers, never tensors, so
 * a pipeline can persist it and restore the model with restoreForYouModel.
 */
export interface ForYouModel {
  readonly name: string
  readonly itemCount: number
  fit(train: Interactions, options?: TrainOptions): Promise<void>
  /** Scores for all items for a user seen in training (all zero for a user with no history). */
  scoreUser(user: number): Float32Array
  /** Scores for all items for an arbitrary item history. */
  scoreItems(history: ItemHistory): Float32Array
  toState(): ForYouState
}

export type ForYouState = PopularityState | EaseState | AlsState

export type ForYouConfig = {
  /**
   * EASE (exact, best quality) up to this many items, implicit ALS above. EASE needs an
   * items x items dense inverse: about 1 s at 1.7k items, 4 s at 3k and 18 s at 5k on one wasm
   * thread, with memory growing as items² (5k items: ~100 MB per float32 matrix).
   */
  easeMaxItems?: number
  ease?: Partial<EaseConfig>
  als?: Partial<AlsConfig>
}

export const DEFAULT_EASE_MAX_ITEMS = 5000

/** The for-you model for a catalogue of `itemCount` items: EASE when it fits, ALS beyond. */
export function createForYouModel(itemCount: number, config: ForYouConfig = {}): ForYouModel {
  const limit = config.easeMaxItems ?? DEFAULT_EASE_MAX_ITEMS
  if (!(limit >= 0)) throw new MlConfigError(`easeMaxItems must be >= 0, got ${limit}`)
  return itemCount <= limit ? new EaseModel(config.ease) : new AlsModel(config.als)
}

export function restoreForYouModel(state: ForYouState): ForYouModel {
  switch (state.kind) {
    case "popularity":
      return PopularityModel.fromState(state)
    case "ease":
      return EaseModel.fromState(state)
    case "als":
      return AlsModel.fromState(state)
  }
}
