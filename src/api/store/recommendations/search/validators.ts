import { z } from "@medusajs/framework/zod"

export const MAX_SEARCH_PAGE = 100

/** Booleans arrive as query strings; anything but true/false is an error, not a silent default. */
const queryBoolean = z.enum(["true", "false"], { error: "personalize must be true or false" }).transform((v) => v === "true")

export const StoreSearchRecommendationsParams = z
  .object({
    // refine, not min/max: Medusa rewrites size errors into a generic message without ours.
    q: z
      .string({ error: "q is required" })
      .trim()
      .refine((v) => v.length > 0, "q must not be empty")
      .refine((v) => v.length <= 200, "q must be at most 200 characters"),
    personalize: queryBoolean.default(true),
    limit: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).default(12),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
    region_id: z.string().regex(/^reg_[A-Za-z0-9]{1,60}$/, "region_id must be a region id (reg_…)").optional(),
    country_code: z.string().regex(/^[a-zA-Z]{2}$/, "must be a two-letter country code").optional(),
    province: z.string().max(64).optional(),
    cart_id: z.string().regex(/^cart_[A-Za-z0-9]{1,60}$/, "cart_id must be a cart id (cart_…)").optional(),
    fields: z.string().max(2000).optional(),
  })
  .strict()

export type StoreSearchRecommendationsParamsType = z.infer<typeof StoreSearchRecommendationsParams>
