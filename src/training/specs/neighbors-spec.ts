import { hitAtK, mean } from "../../ml/eval/metrics"
import { topK } from "../../ml/eval/rank"
import {
  type InteractionEvent,
  type InteractionGroup,
  type ItemNeighborsState,
  neighborsOf,
  trainItemNeighbors,
} from "../../ml/models/item-neighbors"
import type { ModelSpec } from "../model-spec"
import type { TrainingData } from "../training-data"
import { popularityScores, sessionsOf, typeOf, weightOf } from "./behaviour"

/** Neighbours kept per product and kind. */
export const NEIGHBOR_LIST_SIZE = 30

type Fitted = { similar: ItemNeighborsState; complement: ItemNeighborsState }

function kindOf(data: TrainingData, i: number): InteractionEvent["kind"] | null {
  const t = typeOf(data, i)
  if (t === "purchase") return "purchase"
  if (t === "cart_add") return "cart"
  if (t === "view" || t === "click") return "view"
  return null
}

/** "Viewed together": a shopper's browsing sessions. */
function sessionGroups(data: TrainingData): InteractionGroup[] {
  return sessionsOf(data, 30 * 60_000, (i) => kindOf(data, i) !== null).map((items) => ({
    events: items.map((item) => ({ item, kind: "view" as const })),
  }))
}

/** "Bought together": the products of one order, or added to one cart. */
function basketGroups(data: TrainingData): InteractionGroup[] {
  const byBasket = new Map<number, InteractionEvent[]>()
  for (let i = 0; i < data.actor.length; i++) {
    const b = data.basket[i]!
    const kind = kindOf(data, i)
    if (b < 0 || (kind !== "purchase" && kind !== "cart")) continue
    const list = byBasket.get(b) ?? []
    list.push({ item: data.product[i]!, kind })
    byBasket.set(b, list)
  }
  return [...byBasket.values()].map((events) => ({ events }))
}

function fitNeighbors(data: TrainingData, ctx: { signal?: AbortSignal; onProgress?: (f: number) => void }): Fitted {
  const n = data.products.length
  const half = (from: number) => ({ signal: ctx.signal, onProgress: (f: number) => ctx.onProgress?.(from + f / 2) })
  return {
    similar: trainItemNeighbors(sessionGroups(data), n, { topN: NEIGHBOR_LIST_SIZE }, half(0)),
    complement: trainItemNeighbors(basketGroups(data), n, { topN: NEIGHBOR_LIST_SIZE }, half(0.5)),
  }
}

/**
 * Item-to-item neighbours: "similar" from co-browsing sessions, "complement" from baskets.
 * Holdout: in each later session, every next product is predicted from the previous one's
 * similar list (HR@10), beside popularity on the same cases.
 */
export function neighborsSpec(): ModelSpec<Fitted> {
  return {
    kind: "item_neighbors",
    mustBeatBaseline: true,
    algorithm: () => "damped-cooccurrence",
    params: () => ({ list_size: NEIGHBOR_LIST_SIZE, session_gap_minutes: 30 }),
    backend: async () => null,
    async evaluate(split, ctx) {
      const fitted = fitNeighbors(split.train, ctx)
      const popular = topK(popularityScores(split.train), 10)
      const model: number[] = []
      const baseline: number[] = []
      for (const session of sessionsOf(split.holdout, 30 * 60_000, (i) => weightOf(split.holdout, i) > 0)) {
        for (let t = 1; t < session.length; t++) {
          const target = session[t]!
          const neighbors = neighborsOf(fitted.similar, session[t - 1]!, "similar", 10)
          model.push(neighbors.some((nb) => nb.item === target) ? hitAtK(0, 10) : 0)
          baseline.push(popular.includes(target) ? 1 : 0)
        }
      }
      return { primary: "hr_at_10", metrics: { hr_at_10: mean(model) }, baseline: { hr_at_10: mean(baseline) }, cases: model.length }
    },
    async fit(data, ctx) {
      return fitNeighbors(data, ctx)
    },
    async materialise(fitted, data, writer, ctx) {
      for (let item = 0; item < data.products.length; item++) {
        const write = (kind: "similar" | "complement", state: ItemNeighborsState) =>
          writer.neighbors(
            kind,
            data.products[item]!,
            neighborsOf(state, item, kind, NEIGHBOR_LIST_SIZE).map((nb) => ({ productId: data.products[nb.item]!, score: nb.score }))
          )
        await write("similar", fitted.similar)
        await write("complement", fitted.complement)
        if (item % 500 === 0) ctx.onProgress?.(item / data.products.length)
      }
    },
  }
}
