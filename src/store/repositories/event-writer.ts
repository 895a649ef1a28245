import type { EntityManager } from "typeorm"
import { RecoEvent } from "../entities"
import type { NewEvent } from "../new-event"

export type WriteOutcome = {
  /** Rows written now. */
  stored: number
  /** Rows skipped because their idempotency key was already stored. */
  duplicates: number
  /** received_at of the newest stored row, or null when nothing was new. */
  newestReceivedAt: Date | null
}

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
 * (ON CONFLICT DO NOTHING), so replaying any source is harmless.
 */
export async function writeEvents(manager: EntityManager, events: NewEvent[]): Promise<WriteOutcome> {
  let stored = 0
  let newest: Date | null = null
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK).map(toRow)
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(RecoEvent)
      .values(chunk)
      .orIgnore()
      .returning(["id", "received_at"])
      .execute()
    const rows = (result.raw ?? []) as Array<{ id: string; received_at: Date }>
    stored += rows.length
    for (const row of rows) {
      const at = new Date(row.received_at)
      if (!newest || at > newest) newest = at
    }
  }
  return { stored, duplicates: events.length - stored, newestReceivedAt: newest }
}
