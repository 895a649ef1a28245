import { LRUCache } from "lru-cache"
import type { DataSource } from "typeorm"
import type { NeighborKind } from "../store/entities/reco-item-neighbor.entity"
import type { JsonObject } from "../store/json"

export type ListEntry = { productId: string; score: number; reason: JsonObject | null }

/**
 * Reads materialised lists (per shopper, per product, per segment) of a given run. Keys carry
 * the run id, so an activation switches lists by itself; `clear` frees the old ones at once.
 * Empty lists are cached too: most products and shoppers of a cold store have none.
 */
export class ListReader {
  private readonly cache: LRUCache<string, ListEntry[]>

  constructor(
    private readonly dataSource: DataSource,
    maxEntries = 50_000
  ) {
    this.cache = new LRUCache({ max: maxEntries })
  }

  actorList(runId: string, list: string, actorId: string): Promise<ListEntry[]> {
    return this.cached(`a|${runId}|${list}|${actorId}`, () =>
      this.dataSource.query(
        `SELECT product_id, score, reason FROM reco_actor_list
         WHERE model_run_id = $1 AND list = $2 AND actor_id = $3 ORDER BY rank`,
        [runId, list, actorId]
      )
    )
  }

  neighbors(runId: string, kind: NeighborKind, productId: string): Promise<ListEntry[]> {
    return this.cached(`n|${runId}|${kind}|${productId}`, () =>
      this.dataSource.query(
        `SELECT neighbor_product_id AS product_id, score, NULL AS reason FROM reco_item_neighbor
         WHERE model_run_id = $1 AND kind = $2 AND product_id = $3 ORDER BY rank`,
        [runId, kind, productId]
      )
    )
  }

  segment(runId: string, segment: string): Promise<ListEntry[]> {
    return this.cached(`s|${runId}|${segment}`, () =>
      this.dataSource.query(
        `SELECT product_id, score, NULL AS reason FROM reco_segment_list
         WHERE model_run_id = $1 AND segment = $2 ORDER BY rank`,
        [runId, segment]
      )
    )
  }

  clear(): void {
    this.cache.clear()
  }

  /** Drops the cached per-shopper lists of these actors (after an erasure). */
  forgetActors(actorIds: string[]): void {
    const ids = new Set(actorIds)
    for (const key of [...this.cache.keys()]) {
      if (key.startsWith("a|") && ids.has(key.slice(key.indexOf("|", key.indexOf("|", 2) + 1) + 1))) this.cache.delete(key)
    }
  }

  private async cached(
    key: string,
    load: () => Promise<Array<{ product_id: string; score: number; reason: JsonObject | null }>>
  ): Promise<ListEntry[]> {
    const hit = this.cache.get(key)
    if (hit) return hit
    const rows = await load()
    const entries = rows.map((r) => ({ productId: r.product_id, score: Number(r.score), reason: r.reason }))
    this.cache.set(key, entries)
    return entries
  }
}
