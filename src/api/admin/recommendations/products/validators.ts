import { z } from "@medusajs/framework/zod"

/** How many items each widget list shows. */
export const AdminWidgetParams = z
  .object({
    limit: z.coerce.number().int().min(1, "limit must be 1 to 50").max(50, "limit must be 1 to 50").default(10),
  })
  .strict()
export type AdminWidgetParamsType = z.infer<typeof AdminWidgetParams>
