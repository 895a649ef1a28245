import type { DataSource, EntityManager } from "typeorm"
import { RecoSetting } from "../entities"

type Db = DataSource | EntityManager

export const PLACEMENT_NAMES = ["for_you", "related", "bought_together", "cart", "trending", "recently_viewed", "search", "promotions"] as const

/** What an admin can change at run time. Stored per key; defaults come from the plugin options. */
export type RecoSettings = {
  /** Cron of the full retrain, or "off". */
  retrain_cron: string
  /** A click or impression this recent before an order earns that order's line. */
  attribution_window_days: number
  /** A placement switched off answers with an empty list. */
  placements: Record<(typeof PLACEMENT_NAMES)[number], boolean>
  retention_days: number
}

export function defaultSettings(options: { retentionDays: number; attributionWindowDays?: number; retrainCron?: string }): RecoSettings {
  return {
    retrain_cron: options.retrainCron ?? "0 3 * * *",
    attribution_window_days: options.attributionWindowDays ?? 7,
    placements: Object.fromEntries(PLACEMENT_NAMES.map((p) => [p, true])) as RecoSettings["placements"],
    retention_days: options.retentionDays,
  }
}

/** The stored settings over the defaults; unknown stored keys are ignored. */
export async function readSettings(db: Db, defaults: RecoSettings): Promise<RecoSettings> {
  const rows = await db.getRepository(RecoSetting).find()
  const stored = new Map(rows.map((r) => [r.key, r.value]))
  const placements = stored.get("placements")
  return {
    retrain_cron: typeof stored.get("retrain_cron") === "string" ? (stored.get("retrain_cron") as string) : defaults.retrain_cron,
    attribution_window_days:
      typeof stored.get("attribution_window_days") === "number" ? (stored.get("attribution_window_days") as number) : defaults.attribution_window_days,
    placements: { ...defaults.placements, ...(placements && typeof placements === "object" ? (placements as Partial<RecoSettings["placements"]>) : {}) },
    retention_days: typeof stored.get("retention_days") === "number" ? (stored.get("retention_days") as number) : defaults.retention_days,
  }
}

/** Writes the given keys in one transaction. */
export async function writeSettings(db: DataSource, patch: Partial<RecoSettings>, updatedBy: string | null): Promise<void> {
  await db.transaction(async (manager) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      await manager.getRepository(RecoSetting).upsert({ key, value: value as RecoSetting["value"], updatedBy, updatedAt: new Date() }, ["key"])
    }
  })
}
