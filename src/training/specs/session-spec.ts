import { hitAtK, mean } from "../../ml/eval/metrics"
import { rankOf } from "../../ml/eval/rank"
import { recommendForSession, scoreSession, type SessionModelState, trainSessionModel } from "../../ml/models/session"
import type { ModelSpec } from "../model-spec"
import type { TrainingData } from "../training-data"
import { popularityScores, sessionsOf, weightOf } from "./behaviour"

/** Next-step products kept per product. */
export const NEXT_LIST_SIZE = 30
const GAP_MS = 30 * 60_000

const browsing = (data: TrainingData) => sessionsOf(data, GAP_MS, (i) => weightOf(data, i) > 0)

/**
 * "Based on what you are viewing now": a sequence-aware, recency-weighted session model,
 * scored on later sessions (predict each next product from the prefix, HR@20) beside
 * popularity. Materialised as product -> next products, which serving combines over the
 * shopper's current session with recency weights.
 */
export function sessionSpec(): ModelSpec<SessionModelState> {
  return {
    kind: "session",
    mustBeatBaseline: true,
    algorithm: () => "session-knn-rules",
    params: () => ({ session_gap_minutes: 30, list_size: NEXT_LIST_SIZE }),
    backend: async () => null,
    async evaluate(split, ctx) {
      const n = split.train.products.length
      const state = trainSessionModel(browsing(split.train), n, {}, ctx)
      const popular = popularityScores(split.train)
      const scores = new Float64Array(n)
      const model: number[] = []
      const baseline: number[] = []
      for (const session of browsing(split.holdout)) {
        for (let t = 1; t < session.length; t++) {
          scoreSession(state, session.slice(0, t), scores)
          model.push(hitAtK(rankOf(scores, session[t]!), 20))
          baseline.push(hitAtK(rankOf(popular, session[t]!), 20))
        }
      }
      return { primary: "hr_at_20", metrics: { hr_at_20: mean(model) }, baseline: { hr_at_20: mean(baseline) }, cases: model.length }
    },
    async fit(data, ctx) {
      return trainSessionModel(browsing(data), data.products.length, {}, ctx)
    },
    async materialise(state, data, writer, ctx) {
      for (let item = 0; item < data.products.length; item++) {
        const next = recommendForSession(state, [item], NEXT_LIST_SIZE, { excludeViewed: true }).filter((r) => r.score > 0)
        await writer.neighbors("next", data.products[item]!, next.map((r) => ({ productId: data.products[r.item]!, score: r.score })))
        if (item % 500 === 0) ctx.onProgress?.(item / data.products.length)
      }
    },
  }
}

