import { z } from "@medusajs/framework/zod"
import { PLACEMENT_NAMES } from "../../../../store/repositories/settings"
import { isFiveFieldCron } from "./cron"

const placements = z
  .object(Object.fromEntries(PLACEMENT_NAMES.map((p) => [p, z.boolean({ error: `placements.${p} must be true or false` }).optional()])))
  .strict()

export const AdminUpdateSettings = z
  .object({
    retrain_cron: z
      .string({ error: 'retrain_cron must be a 5-field cron expression or "off"' })
      .trim()
      .max(120, "retrain_cron is at most 120 characters")
      .refine((v) => v === "off" || isFiveFieldCron(v), 'retrain_cron must be a 5-field cron expression (e.g. "0 3 * * *") or "off"'),
    attribution_window_days: z
      .number({ error: "attribution_window_days must be a number" })
      .int("attribution_window_days must be a whole number of days")
      .min(1, "attribution_window_days must be 1 to 90")
      .max(90, "attribution_window_days must be 1 to 90"),
    placements,
    retention_days: z
      .number({ error: "retention_days must be a number" })
      .int("retention_days must be a whole number of days")
      .min(1, "retention_days must be 1 to 3650")
      .max(3650, "retention_days must be 1 to 3650"),
  })
  .partial()
  .strict()
export type AdminUpdateSettingsType = z.infer<typeof AdminUpdateSettings>
