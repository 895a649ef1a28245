import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { requireMedusaId } from "../../../../utils/request-params"
import { previewRecommendations } from "../../../../utils/preview-recommendations"
import { recommendationsService } from "../../../../utils/recommendations-service"
import { widgetItems } from "../../../../utils/widget-items"
import { serializeRule } from "../../rules/serialize"
import type { AdminWidgetParamsType } from "../validators"

/** Rules shown beside a product: enough for any merchant; the rules page lists the rest. */
const MAX_RULES = 100

/**
 * GET /admin/recommendations/products/:id: the product page widget. Its related and
 * bought-together lists as a new visitor would get them in the store's default region and sales
 * channel (through the preview path: same engine and rules, nothing logged), and the rules that
 * target it, its categories or its collection.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminWidgetParamsType>, res: MedusaResponse) {
  const id = requireMedusaId(req.params.id!, "prod", "Product")
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "collection_id", "categories.id"], filters: { id } })
  const product = data[0] as { id: string; collection_id: string | null; categories?: Array<{ id: string } | null> | null } | undefined
  if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id ${id} was not found`)

  const service = recommendationsService(req.scope)
  const preview = (placement: "related" | "bought_together") =>
    previewRecommendations(req.scope, service, {
      placement,
      customerId: null,
      productId: id,
      cartId: null,
      regionId: null,
      salesChannelId: null,
      limit: req.validatedQuery.limit,
      locale: req.locale ?? null,
    })
  const targets = [id, ...(product.categories ?? []).flatMap((c) => (c ? [c.id] : [])), ...(product.collection_id ? [product.collection_id] : [])]
  const [related, boughtTogether, [rules]] = await Promise.all([
    preview("related"),
    preview("bought_together"),
    service.listMerchantRulesPage({ targetIds: targets, limit: MAX_RULES, offset: 0 }),
  ])
  res.json({ related: widgetItems(related), bought_together: widgetItems(boughtTogether), rules: rules.map(serializeRule) })
}
