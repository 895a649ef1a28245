import type { DataSource, EntityManager } from "typeorm"
import { RecoSetting } from "../entities"

type Db = DataSource | EntityManager

/**
 * The stored placement switches alone (settings key "placements"), for serving: placements
 * absent from the stored object keep their default (on).
 */
export async function readPlacementSwitches(db: Db): Promise<Record<string, boolean>> {
  const row = await db.getRepository(RecoSetting).findOne({ where: { key: "placements" } })
  const value = row?.value
  if (!value || typeof value !== "object" || Array.isArray(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, boolean] => typeof e[1] === "boolean"))
}
