import { z } from "@medusajs/framework/zod"
import { PLACEMENTS } from "../../../../serving/placements/placement-context"
import { medusaId } from "../../../utils/admin-params"
import { MAX_RECOMMENDATIONS } from "../../../store/recommendations/validators"

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
  .superRefine((value, ctx) => {
    if ((value.placement === "related" || value.placement === "bought_together") && !value.product_id) {
      ctx.addIssue({ code: "custom", path: ["product_id"], message: `product_id is required for placement ${value.placement}` })
    }
    if (value.placement === "cart" && !value.cart_id) {
      ctx.addIssue({ code: "custom", path: ["cart_id"], message: "cart_id is required for placement cart" })
    }
  })
export type AdminPreviewParamsType = z.infer<typeof AdminPreviewParams>
