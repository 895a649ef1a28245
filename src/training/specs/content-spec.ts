import { MlDataError } from "../../ml/errors"
import { hitAtK, mean } from "../../ml/eval/metrics"
import { topK } from "../../ml/eval/rank"
import { ContentModel, type ProductFeatures, type ProductPair } from "../../ml/models/content"
import { initTf } from "../../ml/tf"
import type { JsonObject } from "../../store/json"
import type { ModelSpec } from "../model-spec"
import type { CatalogueProduct, TrainingData } from "../training-data"
import { popularityScores, sessionsOf, weightOf } from "./behaviour"

export const CONTENT_LIST_SIZE = 30
const GAP_MS = 30 * 60_000

/** The currency most products have a price in: price bands must compare like with like. */
function mainCurrency(catalogue: CatalogueProduct[]): string | null {
  const counts = new Map<string, number>()
  for (const p of catalogue) for (const c of Object.keys(p.prices)) counts.set(c, (counts.get(c) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}

function features(data: TrainingData): ProductFeatures[] {
  if (data.catalogue.length === 0) {
    throw new MlDataError("the product mirror (reco_product) is empty: run `medusa-reco backfill` to mirror the catalogue")
  }
  const currency = mainCurrency(data.catalogue)
  return data.catalogue.map((p) => ({
    id: p.id,
    title: p.title,
    category_ids: p.category_ids,
    collection_id: p.collection_id,
    tag_ids: p.tag_ids,
    type_id: p.type_id,
    price: currency ? (p.prices[currency] ?? null) : null,
  }))
}

/** Consecutive products of browsing sessions and products of one basket co-occur. */
function behaviourPairs(data: TrainingData): ProductPair[] {
  const pairs: ProductPair[] = []
  for (const session of sessionsOf(data, GAP_MS, (i) => weightOf(data, i) > 0)) {
    for (let t = 1; t < session.length; t++) pairs.push([data.products[session[t - 1]!]!, data.products[session[t]!]!])
  }
  return pairs
}

/**
 * The neural content model (tfjs): product embeddings from title tokens, categories,
 * collection, tags, type and price band, trained on behaviour pairs, so products nobody has
 * touched yet still get neighbours. It is the cold-start fallback, recorded against popularity
 * but never gated by it.
 */
export function contentSpec(): ModelSpec<ContentModel> {
  return {
    kind: "content",
    mustBeatBaseline: false,
    algorithm: () => "siamese-token-embeddings",
    params: (data): JsonObject => ({ catalogue: data.catalogue.length, list_size: CONTENT_LIST_SIZE }),
    backend: async () => (await initTf()).backend,
    async evaluate(split, ctx) {
      const catalogue = features(split.train)
      const model = await ContentModel.train(catalogue, behaviourPairs(split.train), {}, ctx)
      const known = new Set(catalogue.map((p) => p.id))
      const popular = topK(popularityScores(split.train), 10).map((i) => split.train.products[i]!)
      const hits: number[] = []
      const baseline: number[] = []
      for (const session of sessionsOf(split.holdout, GAP_MS, (i) => weightOf(split.holdout, i) > 0)) {
        for (let t = 1; t < session.length; t++) {
          const previous = split.holdout.products[session[t - 1]!]!
          const target = split.holdout.products[session[t]!]!
          if (!known.has(previous)) continue
          hits.push(model.similar(previous, 10).some((n) => n.id === target) ? hitAtK(0, 10) : 0)
          baseline.push(popular.includes(target) ? 1 : 0)
        }
      }
      return { primary: "hr_at_10", metrics: { hr_at_10: mean(hits) }, baseline: { hr_at_10: mean(baseline) }, cases: hits.length }
    },
    async fit(data, ctx) {
      return ContentModel.train(features(data), behaviourPairs(data), {}, ctx)
    },
    async materialise(model, data, writer, ctx) {
      const catalogue = features(data)
      for (const [i, product] of catalogue.entries()) {
        const neighbours = model.similar(product.id, CONTENT_LIST_SIZE).filter((n) => n.id !== product.id)
        await writer.neighbors("content", product.id, neighbours.map((n) => ({ productId: n.id, score: n.score })))
        if (i % 200 === 0) ctx.onProgress?.(i / catalogue.length)
      }
      await writer.artifact("content-model", "content-model/v1", model.exportWeights())
    },
  }
}
