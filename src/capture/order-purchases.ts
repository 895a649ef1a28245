import type { EventSource } from "../store/event-types"
import type { NewEvent } from "../store/new-event"
import { actorOf } from "./actor"
import { type OrderRecord, toNumber } from "./medusa-records"

/** The idempotency key of an order line's purchase: the same for subscriber, backfill and replays. */
export function purchaseKey(orderId: string, lineItemId: string): string {
  return `purchase:${orderId}:${lineItemId}`
}

/** One purchase event per line item of an order, with its price, currency, region and channel. */
export function purchaseEventsOf(order: OrderRecord, source: EventSource): NewEvent[] {
  const actor = actorOf(order)
  const occurredAt = order.created_at ? new Date(order.created_at) : new Date()
  const events: NewEvent[] = []
  for (const item of order.items ?? []) {
    if (!item) continue
    const quantity = toNumber(item.quantity) ?? toNumber(item.detail?.quantity) ?? 0
    if (quantity <= 0) continue
    events.push({
      type: "purchase",
      actorType: actor.type,
      actorId: actor.id,
      source,
      occurredAt,
      idempotencyKey: purchaseKey(order.id, item.id),
      productId: item.product_id ?? null,
      variantId: item.variant_id ?? null,
      quantity: Math.round(quantity),
      unitPrice: toNumber(item.unit_price),
      currencyCode: order.currency_code ?? null,
      regionId: order.region_id ?? null,
      salesChannelId: order.sales_channel_id ?? null,
      orderId: order.id,
      lineItemId: item.id,
    })
  }
  return events
}
