import type { RecoProduct } from "../store/entities"
import { toNumber } from "./medusa-records"

/** The slice of a Medusa product (via Query) that the product mirror keeps. */
export type ProductRecord = {
  id: string
  title: string
  handle?: string | null
  status: string
  description?: string | null
  type_id?: string | null
  collection_id?: string | null
  created_at?: string | Date | null
  categories?: Array<{ id: string } | null> | null
  tags?: Array<{ id: string } | null> | null
  sales_channels?: Array<{ id: string } | null> | null
  variants?: Array<{ prices?: Array<{ amount?: unknown; currency_code?: string | null } | null> | null } | null> | null
}

export const PRODUCT_MIRROR_FIELDS = [
  "id",
  "title",
  "handle",
  "status",
  "description",
  "type_id",
  "collection_id",
  "created_at",
  "categories.id",
  "tags.id",
  "sales_channels.id",
  "variants.prices.amount",
  "variants.prices.currency_code",
]

const ids = (list: Array<{ id: string } | null> | null | undefined): string[] =>
  [...new Set((list ?? []).flatMap((x) => (x ? [x.id] : [])))].sort()

/** Maps a product to its mirror row; prices keep the lowest variant price per currency. */
export function mirrorRowOf(product: ProductRecord): Omit<RecoProduct, "syncedAt"> {
  const prices: Record<string, number> = {}
  for (const variant of product.variants ?? []) {
    for (const price of variant?.prices ?? []) {
      const amount = toNumber(price?.amount)
      const currency = price?.currency_code?.toLowerCase()
      if (amount === null || !currency) continue
      if (prices[currency] === undefined || amount < prices[currency]!) prices[currency] = amount
    }
  }
  return {
    productId: product.id,
    title: product.title,
    handle: product.handle ?? null,
    status: product.status,
    description: product.description ?? null,
    typeId: product.type_id ?? null,
    collectionId: product.collection_id ?? null,
    categoryIds: ids(product.categories),
    tagIds: ids(product.tags),
    salesChannelIds: ids(product.sales_channels),
    prices,
    createdAt: product.created_at ? new Date(product.created_at) : null,
    deleted: false,
  }
}
