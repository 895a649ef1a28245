import { z } from "@medusajs/framework/zod"
import { PLACEMENTS } from "../../../serving/placements/placement-context"
import { medusaId } from "../../utils/request-params"

export const MAX_RECOMMENDATIONS = 50

type PlacementContextFields = { placement: string; product_id?: string; cart_id?: string }

/** related and bought_together are about a product, cart about a cart: say which is missing. */
export function requirePlacementContext(value: PlacementContextFields, ctx: z.RefinementCtx): void {
  if ((value.placement === "related" || value.placement === "bought_together") && !value.product_id) {
    ctx.addIssue({ code: "custom", path: ["product_id"], message: `product_id is required for placement ${value.placement}` })
  }
  if (value.placement === "cart" && !value.cart_id) {
    ctx.addIssue({ code: "custom", path: ["cart_id"], message: "cart_id is required for placement cart" })
  }
}

export const StoreGetRecommendationsParams = z
  .object({
    placement: z.enum(PLACEMENTS, { error: `placement must be one of ${PLACEMENTS.join(", ")}` }),
    product_id: medusaId("product_id", "prod", "product").optional(),
    cart_id: medusaId("cart_id", "cart", "cart").optional(),
    region_id: medusaId("region_id", "reg", "region").optional(),
    country_code: z.string().regex(/^[a-zA-Z]{2}$/, "must be a two-letter country code").optional(),
    province: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_RECOMMENDATIONS).default(12),
    fields: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine(requirePlacementContext)

export type StoreGetRecommendationsParamsType = z.infer<typeof StoreGetRecommendationsParams>
