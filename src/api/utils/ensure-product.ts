import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { CatalogProduct } from "../../serving/catalog-cache"

/** A product a placement is about must exist; the mirror answers for known ones without a query. */
export async function ensureProductExists(
  scope: MedusaContainer,
  productId: string,
  catalog: Map<string, CatalogProduct>
): Promise<void> {
  if (catalog.has(productId)) return
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productId } })
  if (data.length === 0) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id ${productId} was not found`)
  }
}
