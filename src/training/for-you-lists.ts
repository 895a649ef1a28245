import { topK } from "../ml/eval/rank"
import type { EaseState } from "../ml/models/ease"
import type { ForYouModel, ForYouState } from "../ml/models/for-you"
import type { JsonObject } from "../store/json"
import type { ListWriter } from "./list-writer"

/** Products kept per shopper; serving filters (stock, channel, cart, rules) then takes its limit. */
export const FOR_YOU_LIST_SIZE = 100

/** A shopper to write a list for: dense id in the model, Medusa id, and what they touched. */
export type ForYouEntry = { actor: number; actorId: string; items: number[] }

/** What a materialisation shard needs from the training process (stored as a v8 blob). */
export type ForYouShardState = { state: ForYouState; products: string[]; entries: ForYouEntry[] }

export const FOR_YOU_BLOB = "for-you-shards"

/** The EASE item-item weights inside a for-you model's state, when it has them. */
export function easeWeightsOf(state: ForYouState): EaseState | null {
  if (state.kind === "ease") return state
  if (state.kind === "ease+als") return state.ease
  return null
}

/**
 * The history item that contributes most to a recommended item's EASE score (B[j, i]) is the
 * honest "because you ..." source; a model without item-item weights gives no source.
 */
function strongestSource(ease: EaseState | null, history: number[], item: number): number | null {
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

/** Writes the for-you list of each entry; shared by the in-process path and the shards. */
export async function writeForYouLists(
  model: ForYouModel,
  ease: EaseState | null,
  entries: ForYouEntry[],
  products: string[],
  writer: ListWriter,
  onProgress?: (fraction: number) => void
): Promise<void> {
  for (const [done, entry] of entries.entries()) {
    const scores = model.scoreUser(entry.actor)
    const top = topK(scores, FOR_YOU_LIST_SIZE).filter((i) => scores[i]! > 0)
    await writer.actorList(
      "for_you",
      entry.actorId,
      top.map((item) => {
        const source = strongestSource(ease, entry.items, item)
        const reason: JsonObject =
          source === null ? { code: "personalised" } : { code: "because_you_interacted", source_product_id: products[source]! }
        return { productId: products[item]!, score: scores[item]!, reason }
      })
    )
    if (done % 200 === 0) onProgress?.(done / entries.length)
  }
}
