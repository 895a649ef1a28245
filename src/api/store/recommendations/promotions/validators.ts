import { z } from "@medusajs/framework/zod"

export const StoreGetPromotionRecommendationsParams = z
  .object({
    limit: z.coerce.number().int().min(1).max(20).default(5),
    cart_id: z.string().regex(/^cart_[A-Za-z0-9]{1,60}$/, "cart_id must be a cart id (cart_…)").optional(),
    region_id: z.string().regex(/^reg_[A-Za-z0-9]{1,60}$/, "region_id must be a region id (reg_…)").optional(),
  })
  .strict()

export type StoreGetPromotionRecommendationsParamsType = z.infer<typeof StoreGetPromotionRecommendationsParams>
