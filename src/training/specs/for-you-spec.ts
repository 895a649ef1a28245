import { createForYouModel, DEFAULT_EASE_MAX_ITEMS, type ForYouModel, type ForYouState } from "../../ml/models/for-you"
import { topK } from "../../ml/eval/rank"
import { initTf } from "../../ml/tf"
import type { EaseState } from "../../ml/models/ease"
import type { JsonObject } from "../../store/json"
import type { ModelSpec } from "../model-spec"
import type { TrainingData } from "../training-data"
import { evaluateTopN, itemsByActor, popularityScores, toInteractions } from "./behaviour"

/** Products kept per shopper; serving filters (stock, channel, cart, rules) then takes its limit. */
export const FOR_YOU_LIST_SIZE = 100

type Fitted = { model: ForYouModel; history: Map<number, Set<number>> }

/** The EASE item-item weights inside a for-you model's state, when it has them. */
function easeWeightsOf(state: ForYouState): EaseState | null {
  if (state.kind === "ease") return state
  if (state.kind === "ease+als") return state.ease
  return null
}

/**
 * The history item that contributes most to a recommended item's EASE score (B[j, i]) is the
 * honest "because you ..." source; a model without item-item weights gives no source.
 */
function strongestSource(ease: EaseState | null, history: Set<number>, item: number): number | null {
  if (!ease) return null
  let best: number | null = null
  let bestValue = 0
  for (const j of history) {
    const v = ease.weights[j * ease.itemCount + item]!
    if (v > bestValue) {
      bestValue = v
      best = j
    }
  }
  return best
}

export function forYouSpec(options: { easeMaxItems?: number } = {}): ModelSpec<Fitted> {
  const easeMaxItems = options.easeMaxItems ?? DEFAULT_EASE_MAX_ITEMS
  const algorithm = (data: TrainingData) => (data.products.length <= easeMaxItems ? "ease+als" : "als")
  return {
    kind: "for_you",
    mustBeatBaseline: true,
    algorithm,
    params: (data): JsonObject => ({ ease_max_items: easeMaxItems, list_size: FOR_YOU_LIST_SIZE, items: data.products.length }),
    backend: async () => (await initTf()).backend,
    async evaluate(split, ctx) {
      const model = createForYouModel(split.train.products.length, { easeMaxItems })
      await model.fit(toInteractions(split.train), ctx)
      const popular = popularityScores(split.train)
      const { metrics, cases } = evaluateTopN(split.train, split.holdout, {
        model: (actor) => model.scoreUser(actor),
        popularity: () => popular,
      })
      return { primary: "ndcg_at_10", metrics: metrics.model!, baseline: metrics.popularity!, cases }
    },
    async fit(data, ctx) {
      const model = createForYouModel(data.products.length, { easeMaxItems })
      await model.fit(toInteractions(data), ctx)
      return { model, history: itemsByActor(data) }
    },
    async materialise({ model, history }, data, writer, ctx) {
      let done = 0
      const ease = easeWeightsOf(model.toState())
      for (const [actor, items] of history) {
        const scores = model.scoreUser(actor)
        const top = topK(scores, FOR_YOU_LIST_SIZE).filter((i) => scores[i]! > 0)
        await writer.actorList(
          "for_you",
          data.actors[actor]!,
          top.map((item) => {
            const source = strongestSource(ease, items, item)
            const reason: JsonObject =
              source === null
                ? { code: "personalised" }
                : { code: "because_you_interacted", source_product_id: data.products[source]! }
            return { productId: data.products[item]!, score: scores[item]!, reason }
          })
        )
        if (++done % 200 === 0) ctx.onProgress?.(done / history.size)
      }
    },
  }
}
