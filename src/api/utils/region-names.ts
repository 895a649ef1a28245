import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LRUCache } from "lru-cache"

// Region names change rarely; a few minutes of staleness only affects a reason's wording.
const names = new LRUCache<string, { name: string | null }>({ max: 1_000, ttl: 300_000 })

/** A region's display name for reasons such as "Trending in Europe". */
export async function regionName(scope: MedusaContainer, regionId: string | null | undefined): Promise<string | null> {
  if (!regionId) return null
  const hit = names.get(regionId)
  if (hit) return hit.name
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "name"], filters: { id: regionId } })
  const name = (data as Array<{ name: string | null }>)[0]?.name ?? null
  names.set(regionId, { name })
  return name
}
