import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"

/**
 * Medusa's own product search, as GET /store/products?q= runs it: the product module's `q`
 * filter over published products linked to the key's sales channels, in Medusa's order.
 * Returns the ids of the first `take` matches and the total count.
 */
export async function searchProductIds(
  scope: MedusaContainer,
  q: string,
  salesChannelIds: string[],
  take: number
): Promise<{ ids: string[]; count: number }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: salesChannelIds },
  })
  const inChannels = [...new Set((links as Array<{ product_id: string }>).map((l) => l.product_id))]
  if (inChannels.length === 0) return { ids: [], count: 0 }
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: ["id"],
    filters: { q, status: ProductStatus.PUBLISHED, id: inChannels },
    pagination: { skip: 0, take },
  })
  return { ids: (data as Array<{ id: string }>).map((p) => p.id), count: metadata?.count ?? data.length }
}
