import { z } from "@medusajs/framework/zod"

/** Longest range one report covers (a year and a day: a leap year plus the first day again). */
export const MAX_METRICS_RANGE_DAYS = 366

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A UTC calendar day, YYYY-MM-DD, that exists (no 2026-02-30). Messages name the field: Medusa prints only the message. */
const day = (field: string) =>
  z
    .string()
    .regex(DAY, `${field} must be a day as YYYY-MM-DD`)
    .refine((value) => {
      const t = Date.parse(`${value}T00:00:00Z`)
      return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value
    }, `${field} is not a calendar day`)

export const AdminGetRecommendationMetricsParams = z
  .object({
    from: day("from").optional(),
    to: day("to").optional(),
    placement: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,31}$/, "placement must be a placement name (lowercase letters, digits, '_')")
      .optional(),
    model_run_id: z.string().uuid("model_run_id must be a model run id (uuid)").optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000
    if (days < 0) ctx.addIssue({ code: "custom", path: ["from"], message: "from must not be after to" })
    else if (days + 1 > MAX_METRICS_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `from to to may span at most ${MAX_METRICS_RANGE_DAYS} days` })
    }
  })

export type AdminGetRecommendationMetricsParamsType = z.infer<typeof AdminGetRecommendationMetricsParams>
