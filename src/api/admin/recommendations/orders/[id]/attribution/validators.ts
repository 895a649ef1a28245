import { z } from "@medusajs/framework/zod"

/** No parameters: anything in the query string is a 400. */
export const AdminGetOrderAttributionParams = z.object({}).strict()

export type AdminGetOrderAttributionParamsType = z.infer<typeof AdminGetOrderAttributionParams>
