import type { Interactions } from "../data/interactions"
import { MlConfigError, MlDataError } from "../errors"
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

export type EaseAlsBlendState = {
  kind: "ease+als"
  itemCount: number
  alsWeight: number
  ease: EaseState
  als: AlsState
}

export type ForYouState = PopularityState | EaseState | AlsState | EaseAlsBlendState

export type ForYouConfig = {
  /**
   * EASE (exact) up to this many items, implicit ALS alone above. EASE needs an items x items
   * dense inverse, so time grows as items³ and memory as items². Measured on one wasm thread:
   * ~1-2 s at 1.7k items (ML-100K); 18 s and 1.0 GB peak RSS at 5k items and 20k users (the
   * wasm heap keeps its high-water mark). tfjs-node's native BLAS moves this limit up.
   */
  easeMaxItems?: number
  /** Share of ALS in the EASE + ALS blend used up to easeMaxItems; 0 serves EASE alone. */
  alsWeight?: number
  ease?: Partial<EaseConfig>
  als?: Partial<AlsConfig>
}

export const DEFAULT_EASE_MAX_ITEMS = 5000

/**
 * Chosen on validation splits carved from the P1 train split (seeds 1-3, test rows unused):
 * val NDCG@10 EASE alone 0.268, ALS alone 0.275, blend 0.276-0.277 for weights 0.6-0.9.
 */
export const DEFAULT_ALS_WEIGHT = 0.75

/** Each list divided by its largest magnitude, so the two models' scales meet before mixing. */
function blendScores(ease: Float32Array, als: Float32Array, alsWeight: number): Float32Array {
  let easeMax = 0
  let alsMax = 0
  for (let i = 0; i < ease.length; i++) {
    easeMax = Math.max(easeMax, Math.abs(ease[i]!))
    alsMax = Math.max(alsMax, Math.abs(als[i]!))
  }
  const a = (1 - alsWeight) / (easeMax || 1)
  const b = alsWeight / (alsMax || 1)
  const out = new Float32Array(ease.length)
  for (let i = 0; i < out.length; i++) out[i] = a * ease[i]! + b * als[i]!
  return out
}

/**
 * EASE (full-rank item-item) mixed with implicit ALS (low-rank). On ML-100K the low-rank
 * model generalises better from few users and the mix is better than either alone.
 */
export class EaseAlsBlend implements ForYouModel {
  readonly name = "ease+als"

  constructor(
    private readonly ease: EaseModel,
    private readonly als: AlsModel,
    readonly alsWeight: number
  ) {
    if (!(alsWeight >= 0 && alsWeight <= 1)) throw new MlConfigError(`alsWeight must be in [0, 1], got ${alsWeight}`)
  }

  get itemCount(): number {
    return this.ease.itemCount
  }

  static fromState(state: EaseAlsBlendState): EaseAlsBlend {
    if (state.ease.itemCount !== state.itemCount || state.als.itemCount !== state.itemCount) {
      throw new MlDataError("blend state: the two models disagree on itemCount")
    }
    return new EaseAlsBlend(EaseModel.fromState(state.ease), AlsModel.fromState(state.als), state.alsWeight)
  }

  async fit(train: Interactions, options: TrainOptions = {}): Promise<void> {
    const { signal, onProgress } = options
    // EASE is most of the time at larger catalogues; a rough split is enough for a progress bar.
    await this.ease.fit(train, { signal, onProgress: (f) => onProgress?.(0.6 * f) })
    await this.als.fit(train, { signal, onProgress: (f) => onProgress?.(0.6 + 0.4 * f) })
  }

  scoreUser(user: number): Float32Array {
    return blendScores(this.ease.scoreUser(user), this.als.scoreUser(user), this.alsWeight)
  }

  scoreItems(history: ItemHistory): Float32Array {
    return blendScores(this.ease.scoreItems(history), this.als.scoreItems(history), this.alsWeight)
  }

  toState(): EaseAlsBlendState {
    const ease = this.ease.toState()
    const als = this.als.toState()
    if (ease.kind !== "ease" || als.kind !== "als") throw new MlDataError("blend parts returned foreign state")
    return { kind: "ease+als", itemCount: this.itemCount, alsWeight: this.alsWeight, ease, als }
  }
}

/** The for-you model for a catalogue of `itemCount` items: EASE (+ ALS) when it fits, ALS beyond. */
export function createForYouModel(itemCount: number, config: ForYouConfig = {}): ForYouModel {
  const limit = config.easeMaxItems ?? DEFAULT_EASE_MAX_ITEMS
  if (!(limit >= 0)) throw new MlConfigError(`easeMaxItems must be >= 0, got ${limit}`)
  if (itemCount > limit) return new AlsModel(config.als)
  const alsWeight = config.alsWeight ?? DEFAULT_ALS_WEIGHT
  if (alsWeight === 0) return new EaseModel(config.ease)
  return new EaseAlsBlend(new EaseModel(config.ease), new AlsModel(config.als), alsWeight)
}

export function restoreForYouModel(state: ForYouState): ForYouModel {
  switch (state.kind) {
    case "popularity":
      return PopularityModel.fromState(state)
    case "ease":
      return EaseModel.fromState(state)
    case "als":
      return AlsModel.fromState(state)
    case "ease+als":
      return EaseAlsBlend.fromState(state)
  }
}
