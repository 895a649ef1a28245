import type { EntityManager } from "typeorm"
import { RecoEvent } from "../entities"
import type { NewEvent } from "../new-event"
import { countTouches, TOUCH_HANDOVER_LOCK } from "./metric-counters"

export type WriteOutcome = {
  /** Rows written now. */
  stored: number
  /** Rows skipped because their idempotency key was already stored. */
  duplicates: number
  /** received_at of the newest stored row, or null when nothing was new. */
  newestReceivedAt: Date | null
}

/** What writeEvents stored, with the ids of the rows written now (replayed keys excluded). */
export type StoredEvents = WriteOutcome & { storedIds: string[] }

/** Rows per INSERT: 22 columns stays well under Postgres' 65,535 bind parameters. */
const CHUNK = 1000

function toRow(e: NewEvent): Partial<RecoEvent> {
  return {
    type: e.type,
    actorType: e.actorType,
    actorId: e.actorId,
    productId: e.productId ?? null,
    variantId: e.variantId ?? null,
    quantity: e.quantity ?? 1,
    unitPrice: e.unitPrice === undefined || e.unitPrice === null ? null : String(e.unitPrice),
    currencyCode: e.currencyCode ? e.currencyCode.toLowerCase() : null,
    regionId: e.regionId ?? null,
    salesChannelId: e.salesChannelId ?? null,
    searchQuery: e.searchQuery ?? null,
    placement: e.placement ?? null,
    recommendationId: e.recommendationId ?? null,
    position: e.position ?? null,
    orderId: e.orderId ?? null,
    lineItemId: e.lineItemId ?? null,
    cartId: e.cartId ?? null,
    source: e.source,
    occurredAt: e.occurredAt,
    idempotencyKey: e.idempotencyKey,
    metadata: e.metadata ?? null,
  }
}

/**
 * Inserts events inside the caller's transaction. A repeated idempotency key is skipped
 * (ON CONFLICT DO NOTHING), so replaying any source is harmless. Impressions and clicks stored
 * now are counted in the daily metrics in the same transaction (see countNewTouches).
 */
export async function writeEvents(manager: EntityManager, events: NewEvent[]): Promise<StoredEvents> {
  let stored = 0
  let newest: Date | null = null
  const storedIds: string[] = []
  const touchIds: string[] = []
  const recommendationIds = new Set<string>()
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK).map(toRow)
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(RecoEvent)
      .values(chunk)
      .orIgnore()
      // TypeORM's returning() takes property names (unknown ones are silently dropped); rows come back by column name.
      .returning(["id", "receivedAt", "type", "recommendationId"])
      .execute()
    const rows = (result.raw ?? []) as Array<{ id: string; received_at: Date; type: string; recommendation_id: string | null }>
    stored += rows.length
    for (const row of rows) {
      const at = new Date(row.received_at)
      if (!newest || at > newest) newest = at
      storedIds.push(row.id)
      if (row.type === "impression" || row.type === "click") {
        touchIds.push(row.id)
        if (row.recommendation_id) recommendationIds.add(row.recommendation_id)
      }
    }
  }
  await countNewTouches(manager, touchIds, [...recommendationIds])
  return { stored, duplicates: events.length - stored, newestReceivedAt: newest, storedIds }
}

/**
 * Impressions and clicks name the served list they came from, whose key (placement, model run,
 * experiment, arm) they are counted under. The served log writes lists up to a second after
 * they were served, so a fast storefront can report an impression first. Such a touch is
 * counted under its own placement (no model, no arm) and the served log moves it to the list's
 * key when it writes the list. The two sides meet under one advisory lock: the log holds it
 * exclusively while it writes lists and moves touches; this side takes it shared, only when a
 * list is missing, before it reads the lists again. So either this transaction sees the list
 * (and counts the touch there) or the log's transaction sees the committed touch (and moves
 * it): never both, never neither. Touches naming a list that never gets written (an invented or
 * purged id) stay counted under their placement.
 */
async function countNewTouches(manager: EntityManager, touchIds: string[], recommendationIds: string[]): Promise<void> {
  if (touchIds.length === 0) return
  if (recommendationIds.length > 0) {
    const known: Array<{ id: string }> = await manager.query(
      `SELECT id FROM "reco_served_recommendation" WHERE id = ANY($1::varchar[])`,
      [recommendationIds]
    )
    if (known.length < recommendationIds.length) {
      await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtext($1))`, [TOUCH_HANDOVER_LOCK])
    }
  }
  await countTouches(manager, touchIds)
}
