import { LIST_PLACEMENTS, type ListPlacement, type PreviewQuery } from "../../lib/types"

/** The preview's inputs live in the page's URL, so a preview can be linked to. */
export type PreviewParams = {
  placement: ListPlacement
  customer_id: string
  product_id: string
  cart_id: string
  region_id: string
  limit: number
}

export function readPreviewParams(search: URLSearchParams): PreviewParams {
  const placement = search.get("placement")
  const limit = Number(search.get("limit") ?? 12)
  return {
    placement: (LIST_PLACEMENTS as readonly string[]).includes(placement ?? "") ? (placement as ListPlacement) : "for_you",
    customer_id: search.get("customer_id") ?? "",
    product_id: search.get("product_id") ?? "",
    cart_id: search.get("cart_id") ?? "",
    region_id: search.get("region_id") ?? "",
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 50 ? limit : 12,
  }
}

export function writePreviewParams(p: PreviewParams): Record<string, string> {
  const out: Record<string, string> = { placement: p.placement }
  if (p.customer_id) out.customer_id = p.customer_id
  if (p.product_id) out.product_id = p.product_id
  if (p.cart_id) out.cart_id = p.cart_id
  if (p.region_id) out.region_id = p.region_id
  if (p.limit !== 12) out.limit = String(p.limit)
  return out
}

/** What is missing before the store API could answer, or the query to send. */
export function previewQuery(p: PreviewParams): { query: PreviewQuery | null; missing: string | null } {
  if ((p.placement === "related" || p.placement === "bought_together") && !p.product_id) {
    return { query: null, missing: "Pick a product: this placement lists what goes with one product." }
  }
  if (p.placement === "cart" && !p.cart_id) return { query: null, missing: "Enter a cart id: this placement completes a cart." }
  return {
    query: {
      placement: p.placement,
      customer_id: p.customer_id || undefined,
      product_id: p.product_id || undefined,
      cart_id: p.cart_id || undefined,
      region_id: p.region_id || undefined,
      limit: p.limit,
    },
    missing: null,
  }
}
