import { z } from "@medusajs/framework/zod"
import { PLACEMENTS } from "../../../../serving/placements/placement-context"
import { medusaId } from "../../../utils/request-params"
import { MAX_RECOMMENDATIONS, requirePlacementContext } from "../../../store/recommendations/validators"

export const AdminPreviewParams = z
  .object({
    placement: z.enum(PLACEMENTS, { error: `placement must be one of ${PLACEMENTS.join(", ")}` }),
    customer_id: medusaId("customer_id", "cus", "customer").optional(),
    product_id: medusaId("product_id", "prod", "product").optional(),
    cart_id: medusaId("cart_id", "cart", "cart").optional(),
    region_id: medusaId("region_id", "reg", "region").optional(),
    sales_channel_id: medusaId("sales_channel_id", "sc", "sales channel").optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1, `limit must be 1 to ${MAX_RECOMMENDATIONS}`)
      .max(MAX_RECOMMENDATIONS, `limit must be 1 to ${MAX_RECOMMENDATIONS}`)
      .default(12),
  })
  .strict()
  .superRefine(requirePlacementContext)
export type AdminPreviewParamsType = z.infer<typeof AdminPreviewParams>
