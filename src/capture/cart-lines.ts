import type { CartSnapshotLine } from "../store/entities/reco-cart-snapshot.entity"
import { type CartRecord, toNumber } from "./medusa-records"

export type CartLines = Record<string, CartSnapshotLine>

export type CartLineChange = {
  type: "cart_add" | "cart_remove"
  variantId: string
  productId: string | null
  quantity: number
  unitPrice: number | null
}

/** Folds a cart's line items into variant -> line (two lines of one variant add up). */
export function linesOfCart(cart: CartRecord): CartLines {
  const lines: CartLines = {}
  for (const item of cart.items ?? []) {
    if (!item?.variant_id) continue
    const quantity = toNumber(item.quantity) ?? 0
    if (quantity <= 0) continue
    const previous = lines[item.variant_id]
    lines[item.variant_id] = {
      product_id: item.product_id ?? previous?.product_id ?? null,
      quantity: (previous?.quantity ?? 0) + quantity,
      unit_price: toNumber(item.unit_price) ?? previous?.unit_price ?? null,
    }
  }
  return lines
}

/** What changed between two snapshots of one cart, as adds and removes with quantities. */
export function diffCartLines(before: CartLines, after: CartLines): CartLineChange[] {
  const changes: CartLineChange[] = []
  const variants = new Set([...Object.keys(before), ...Object.keys(after)])
  for (const variantId of [...variants].sort()) {
    const was = before[variantId]
    const now = after[variantId]
    const delta = (now?.quantity ?? 0) - (was?.quantity ?? 0)
    if (delta === 0) continue
    const line = now ?? was!
    changes.push({
      type: delta > 0 ? "cart_add" : "cart_remove",
      variantId,
      productId: line.product_id,
      quantity: Math.abs(delta),
      unitPrice: line.unit_price,
    })
  }
  return changes
}
