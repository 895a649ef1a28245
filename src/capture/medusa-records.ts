/**
 * The slices of Medusa records the capture code reads (fetched with Query).
 * Prices arrive as numbers or BigNumber-like values depending on the path, so they are unknown here.
 */
export type CartRecord = {
  id: string
  customer_id?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  currency_code?: string | null
  metadata?: Record<string, unknown> | null
  items?: Array<{
    id: string
    variant_id?: string | null
    product_id?: string | null
    quantity: unknown
    unit_price?: unknown
  } | null> | null
}

export type OrderRecord = {
  id: string
  customer_id?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  currency_code?: string | null
  created_at?: string | Date | null
  metadata?: Record<string, unknown> | null
  items?: Array<{
    id: string
    variant_id?: string | null
    product_id?: string | null
    quantity?: unknown
    unit_price?: unknown
    detail?: { quantity?: unknown } | null
  } | null> | null
}

export const CART_CAPTURE_FIELDS = [
  "id",
  "customer_id",
  "region_id",
  "sales_channel_id",
  "currency_code",
  "metadata",
  "items.id",
  "items.variant_id",
  "items.product_id",
  "items.quantity",
  "items.unit_price",
]

export const ORDER_CAPTURE_FIELDS = [
  "id",
  "customer_id",
  "region_id",
  "sales_channel_id",
  "currency_code",
  "created_at",
  "metadata",
  "items.id",
  "items.variant_id",
  "items.product_id",
  "items.unit_price",
  // An order line's quantity is computed from its item detail; without the detail Query omits it.
  "items.quantity",
  "items.detail.quantity",
]

/** Medusa returns numbers, numeric strings or BigNumber objects ({numeric_, raw_}); reads any of them. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null
  if (typeof value === "number") return Number.isFinite(value) ? value : null
  if (typeof value === "string") {
    const n = Number(value)
    return Number.isFinite(n) ? n : null
  }
  if (typeof value === "object") {
    const v = value as { numeric?: unknown; numeric_?: unknown; value?: unknown; toJSON?: () => unknown }
    if (typeof v.numeric === "number") return v.numeric
    if (typeof v.numeric_ === "number") return v.numeric_
    if (typeof v.toJSON === "function") return toNumber(v.toJSON())
    if (v.value !== undefined) return toNumber(v.value)
  }
  return null
}
