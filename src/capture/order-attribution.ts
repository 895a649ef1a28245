import type { AttributionTouch } from "../store/entities/reco-attribution.entity"
import { type OrderRecord, toNumber } from "./medusa-records"

/**
 * Pure rules of revenue attribution: which order lines count, which touch earns a line, and
 * how much a return reverses. The database side is src/store/repositories/attribution.ts.
 */

/**
 * Extra order fields attribution reads. `items.total` is Medusa's line total after discounts
 * (and with tax, as the order's own total); asking for `item_total` makes the order module
 * compute totals at all. The detail's received and dismissed quantities are what returns took.
 */
export const ORDER_ATTRIBUTION_FIELDS = [
  "item_total",
  "items.total",
  "items.detail.return_received_quantity",
  "items.detail.return_dismissed_quantity",
]

export type OrderRecordWithTotals = OrderRecord & {
  items?: Array<
    | (NonNullable<NonNullable<OrderRecord["items"]>[number]> & {
        total?: unknown
        detail?: { quantity?: unknown; return_received_quantity?: unknown; return_dismissed_quantity?: unknown } | null
      })
    | null
  > | null
}

export type AttributableLine = {
  lineItemId: string
  productId: string | null
  variantId: string | null
  quantity: number
  /** Line total after discounts, major units of the order's currency. */
  revenue: number
}

/** The order's lines with their quantity and revenue (lines without a positive quantity are left out). */
export function attributableLines(order: OrderRecordWithTotals): AttributableLine[] {
  const lines: AttributableLine[] = []
  for (const item of order.items ?? []) {
    if (!item) continue
    const quantity = Math.round(toNumber(item.quantity) ?? toNumber(item.detail?.quantity) ?? 0)
    if (quantity <= 0) continue
    const total = toNumber(item.total)
    const revenue = total ?? (toNumber(item.unit_price) ?? 0) * quantity
    lines.push({
      lineItemId: item.id,
      productId: item.product_id ?? null,
      variantId: item.variant_id ?? null,
      quantity,
      revenue: Math.round(revenue * 1e4) / 1e4,
    })
  }
  return lines
}

/** Units of each line that came back (received or dismissed), cumulative over all returns. */
export function returnedQuantities(order: OrderRecordWithTotals): Map<string, number> {
  const returned = new Map<string, number>()
  for (const item of order.items ?? []) {
    if (!item) continue
    const n = (toNumber(item.detail?.return_received_quantity) ?? 0) + (toNumber(item.detail?.return_dismissed_quantity) ?? 0)
    returned.set(item.id, Math.max(0, Math.round(n)))
  }
  return returned
}

/** A click or impression that could earn a line; `recommendationId` null when only a placement was sent. */
export type TouchCandidate = {
  productId: string
  touch: AttributionTouch
  recommendationId: string | null
  placement: string | null
  touchedAt: Date
}

/**
 * The touch that earns a product's line: the latest click in the window, else the latest
 * impression (reported, or a served list the storefront reported no impressions for).
 * Candidates outside [orderedAt - windowDays, orderedAt] never count.
 */
export function chooseTouch(
  candidates: TouchCandidate[],
  productId: string,
  orderedAt: Date,
  windowDays: number
): TouchCandidate | null {
  const from = orderedAt.getTime() - windowDays * 86_400_000
  const to = orderedAt.getTime()
  let best: TouchCandidate | null = null
  for (const c of candidates) {
    if (c.productId !== productId) continue
    const t = c.touchedAt.getTime()
    if (t < from || t > to) continue
    if (!best) best = c
    else if (c.touch !== best.touch) best = c.touch === "click" ? c : best
    else if (t > best.touchedAt.getTime()) best = c
  }
  return best
}

export type ReturnState = { quantity: number; returnedQuantity: number; revenue: number; reversedRevenue: number }

/**
 * What a return reverses on one line: the newly returned units and their share of the line's
 * revenue. The last unit takes exactly what is left, so a line returned in parts ends at 0.
 */
export function returnReversal(line: ReturnState, returnedNow: number): { units: number; revenue: number; fullyReturned: boolean } {
  const target = Math.min(line.quantity, Math.max(line.returnedQuantity, returnedNow))
  const units = target - line.returnedQuantity
  const fullyReturned = target >= line.quantity
  if (units <= 0) return { units: 0, revenue: 0, fullyReturned }
  const revenue = fullyReturned
    ? line.revenue - line.reversedRevenue
    : Math.round(((line.revenue * units) / line.quantity) * 1e4) / 1e4
  return { units, revenue: Math.round(revenue * 1e4) / 1e4, fullyReturned }
}
