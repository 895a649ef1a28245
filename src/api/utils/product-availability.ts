import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getVariantAvailability } from "@medusajs/framework/utils"
import { LRUCache } from "lru-cache"
import type { Eligibility } from "../../serving/recommendation-engine"

type ProductRow = {
  id: string
  status: string
  metadata?: Record<string, unknown> | null
  sales_channels?: Array<{ id: string } | null> | null
  variants?: Array<{ id: string; manage_inventory: boolean | null; allow_backorder: boolean | null } | null> | null
}

type Verdict = { buyable: boolean; repeatPurchase: boolean }

/** Product metadata flag for consumables a shopper buys again (kept in recommendations after purchase). */
export const REPEAT_PURCHASE_METADATA_KEY = "reco_repeat_purchase"

// One cache per process, keyed by product and the request's sales channels; see the option's comment.
const verdicts = new LRUCache<string, Verdict>({ max: 20_000 })

/**
 * Medusa's authoritative answer on which products can be bought through these sales channels
 * now: published, in one of the channels, and with a variant that does not manage inventory,
 * allows backorders, or has stock at a location serving one of the channels.
 */
export async function checkAvailability(
  scope: MedusaContainer,
  productIds: string[],
  salesChannelIds: string[],
  cacheSeconds: number
): Promise<Eligibility> {
  const channelKey = [...salesChannelIds].sort().join(",")
  const result: Eligibility = new Map()
  const missing: string[] = []
  for (const id of new Set(productIds)) {
    const verdict = cacheSeconds > 0 ? verdicts.get(`${id}|${channelKey}`) : undefined
    if (verdict === undefined) missing.push(id)
    else if (verdict.buyable) result.set(id, { repeatPurchase: verdict.repeatPurchase })
  }
  if (missing.length === 0) return result

  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "status", "metadata", "sales_channels.id", "variants.id", "variants.manage_inventory", "variants.allow_backorder"],
    filters: { id: missing },
  })
  const products = data as ProductRow[]
  const managed = products.flatMap((p) =>
    (p.variants ?? []).filter((v) => v && v.manage_inventory && !v.allow_backorder).map((v) => v!.id)
  )
  const stock = new Map<string, number>()
  if (managed.length > 0) {
    for (const channel of salesChannelIds) {
      const availability = await getVariantAvailability(query, { variant_ids: managed, sales_channel_id: channel })
      for (const [variantId, a] of Object.entries(availability)) {
        stock.set(variantId, Math.max(stock.get(variantId) ?? 0, Number(a.availability ?? 0)))
      }
    }
  }
  const found = new Map(products.map((p) => [p.id, p]))
  for (const id of missing) {
    const product = found.get(id)
    const verdict: Verdict = product
      ? { buyable: isBuyable(product, salesChannelIds, stock), repeatPurchase: isRepeatPurchase(product) }
      : { buyable: false, repeatPurchase: false }
    if (cacheSeconds > 0) verdicts.set(`${id}|${channelKey}`, verdict, { ttl: cacheSeconds * 1000 })
    if (verdict.buyable) result.set(id, { repeatPurchase: verdict.repeatPurchase })
  }
  return result
}

function isBuyable(product: ProductRow, salesChannelIds: string[], stock: Map<string, number>): boolean {
  if (product.status !== "published") return false
  const channels = (product.sales_channels ?? []).flatMap((c) => (c ? [c.id] : []))
  if (!channels.some((id) => salesChannelIds.includes(id))) return false
  return (product.variants ?? []).some(
    (v) => v !== null && (!v.manage_inventory || v.allow_backorder === true || (stock.get(v.id) ?? 0) > 0)
  )
}

function isRepeatPurchase(product: ProductRow): boolean {
  const flag = product.metadata?.[REPEAT_PURCHASE_METADATA_KEY]
  return flag === true || flag === "true"
}
