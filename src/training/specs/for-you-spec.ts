import { createForYouModel, DEFAULT_EASE_MAX_ITEMS, type ForYouModel } from "../../ml/models/for-you"
import { initTf } from "../../ml/tf"
import {
  easeWeightsOf,
  FOR_YOU_BLOB,
  FOR_YOU_LIST_SIZE,
  type ForYouEntry,
  type ForYouShardState,
  writeForYouLists,
} from "../for-you-lists"
import type { JsonObject } from "../../store/json"
import type { ModelSpec } from "../model-spec"
import type { TrainingData } from "../training-data"
import { evaluateTopN, itemsByActor, popularityScores, toInteractions } from "./behaviour"

type Fitted = { model: ForYouModel; history: Map<number, Set<number>> }

/**
 * Personalised for-you lists: EASE blended with ALS (ALS alone for large catalogues), scored
 * by NDCG@10 on shoppers' new products after the cutoff, beside popularity.
 */
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
      const state = model.toState()
      const entries: ForYouEntry[] = [...history].map(([actor, items]) => ({ actor, actorId: data.actors[actor]!, items: [...items] }))
      if (ctx.shards && entries.length > ctx.shards.threshold) {
        // A large store: a BullMQ flow writes the lists in actor ranges, in as many workers as run.
        const shardState: ForYouShardState = { state, products: data.products, entries }
        await writer.blob(FOR_YOU_BLOB, shardState)
        await ctx.shards.run(writer.runId, entries.length)
        return
      }
      await writeForYouLists(model, easeWeightsOf(state), entries, data.products, writer, ctx.onProgress)
    },
  }
}
