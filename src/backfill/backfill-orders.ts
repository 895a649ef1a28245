import type { OrderRecord } from "../capture/medusa-records"
import { purchaseEventsOf } from "../capture/order-purchases"
import type { NewEvent } from "../store/new-event"
import type { WriteOutcome } from "../store/repositories/event-writer"

export const ORDER_BACKFILL_CHECKPOINT = "backfill:orders"

/**
 * Where the backfill stopped: a keyset cursor over order ids (ULID-based, so unique and
 * roughly chronological; unlike timestamps they never tie), plus counters.
 */
export type OrderBackfillState = {
  cursor_id: string | null
  orders: number
  stored: number
  done: boolean
}

export type BackfillOrder = OrderRecord & { status?: string | null; created_at: string | Date }

export type OrderPage = { orders: BackfillOrder[]; total: number }

export type OrderBackfillDependencies = {
  /** Orders with id > afterId (all when null) in ascending id order; at most `take`. */
  fetchOrders(afterId: string | null, take: number): Promise<OrderPage>
  write(events: NewEvent[]): Promise<WriteOutcome>
  markCanceled(orderId: string): Promise<unknown>
  readState(): Promise<OrderBackfillState | null>
  saveState(state: OrderBackfillState): Promise<void>
  onProgress?(done: number, total: number): void
}

const FRESH: OrderBackfillState = { cursor_id: null, orders: 0, stored: 0, done: false }

/**
 * Pages through existing orders in id order and writes their purchase events. The cursor is
 * saved after every page, so a crashed run resumes where it stopped; the events' idempotency
 * keys are the subscriber's, so overlapping with live capture or a rerun writes nothing twice.
 */
export async function backfillOrders(
  deps: OrderBackfillDependencies,
  options: { pageSize?: number; restart?: boolean } = {}
): Promise<OrderBackfillState> {
  const pageSize = options.pageSize ?? 100
  let state = options.restart ? { ...FRESH } : ((await deps.readState()) ?? { ...FRESH })
  if (state.done && !options.restart) {
    // A finished backfill picks up orders placed since, still resumable.
    state = { ...state, done: false }
  }
  for (;;) {
    const page = await deps.fetchOrders(state.cursor_id, pageSize)
    const fresh = page.orders
    if (fresh.length === 0) {
      state = { ...state, done: true }
      await deps.saveState(state)
      deps.onProgress?.(page.total, page.total)
      return state
    }
    const events = fresh.flatMap((order) => purchaseEventsOf(order, "backfill"))
    const outcome = await deps.write(events)
    for (const order of fresh) {
      if (order.status === "canceled") await deps.markCanceled(order.id)
    }
    const last = fresh[fresh.length - 1]!
    state = {
      cursor_id: last.id,
      orders: state.orders + fresh.length,
      stored: state.stored + outcome.stored,
      done: false,
    }
    await deps.saveState(state)
    deps.onProgress?.(Math.min(state.orders, page.total), page.total)
  }
}
