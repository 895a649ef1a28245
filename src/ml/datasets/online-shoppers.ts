import { readFile } from "node:fs/promises"
import { MlDataError } from "../errors"
import type { TabularRow, TabularSchema } from "../features/tabular-encoder"

/**
 * UCI "Online Shoppers Purchasing Intention" (12,330 sessions, `;` separated, label Revenue).
 * Page counts, durations and PageValues are heavy-tailed (mostly 0, long right tail): log1p.
 * The id-like columns (OperatingSystems, Browser, Region, TrafficType) are categories, not
 * magnitudes, so they are one-hot; rare values share an "other" slot.
 */
export const ONLINE_SHOPPERS_SCHEMA: TabularSchema = {
  numeric: [
    { name: "Administrative", transform: "log1p" },
    { name: "Administrative_Duration", transform: "log1p" },
    { name: "Informational", transform: "log1p" },
    { name: "Informational_Duration", transform: "log1p" },
    { name: "ProductRelated", transform: "log1p" },
    { name: "ProductRelated_Duration", transform: "log1p" },
    { name: "BounceRates", transform: "none" },
    { name: "ExitRates", transform: "none" },
    { name: "PageValues", transform: "log1p" },
    { name: "SpecialDay", transform: "none" },
  ],
  categorical: [
    { name: "Month" },
    { name: "VisitorType" },
    { name: "Weekend" },
    { name: "OperatingSystems", minCount: 20 },
    { name: "Browser", minCount: 20 },
    { name: "Region" },
    { name: "TrafficType", minCount: 20 },
  ],
}

/**
 * The subset a store can observe itself (see features/session-features.ts): product views,
 * time on product pages, returning visitor, weekend, month. No PageValues, bounce or exit rates.
 * Evaluating it on P4 says how much of the intent signal survives without analytics data.
 */
export const ONLINE_SHOPPERS_STORE_SIDE_SCHEMA: TabularSchema = {
  numeric: [
    { name: "ProductRelated", transform: "log1p" },
    { name: "ProductRelated_Duration", transform: "log1p" },
  ],
  categorical: [{ name: "Month" }, { name: "VisitorType" }, { name: "Weekend" }],
}

const LABEL = "Revenue"

export type OnlineShoppersData = {
  rows: TabularRow[]
  /** 1 = the session ended in a purchase. */
  labels: Uint8Array
}

function parseBoolean(raw: string, line: number, column: string): boolean {
  const v = raw.trim().toUpperCase()
  if (v === "TRUE") return true
  if (v === "FALSE") return false
  throw new MlDataError(`line ${line}: ${column} must be TRUE or FALSE, got "${raw}"`)
}

export function parseOnlineShoppers(text: string): OnlineShoppersData {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "")
  if (lines.length < 2) throw new MlDataError("online shoppers file has no data rows")
  const header = lines[0]!.split(";").map((h) => h.trim())
  const numeric = new Set(ONLINE_SHOPPERS_SCHEMA.numeric.map((f) => f.name))
  const required = [...numeric, ...ONLINE_SHOPPERS_SCHEMA.categorical.map((f) => f.name), LABEL]
  const missing = required.filter((name) => !header.includes(name))
  if (missing.length > 0) throw new MlDataError(`online shoppers file lacks columns: ${missing.join(", ")}`)

  const rows: TabularRow[] = []
  const labels = new Uint8Array(lines.length - 1)
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(";")
    if (cells.length !== header.length) {
      throw new MlDataError(`line ${i + 1}: expected ${header.length} fields, got ${cells.length}`)
    }
    const row: Record<string, number | string | boolean> = {}
    header.forEach((name, j) => {
      const raw = cells[j]!.trim()
      if (name === LABEL) {
        labels[i - 1] = parseBoolean(raw, i + 1, name) ? 1 : 0
      } else if (name === "Weekend") {
        row[name] = parseBoolean(raw, i + 1, name)
      } else if (numeric.has(name)) {
        const value = Number(raw)
        if (raw === "" || !Number.isFinite(value)) throw new MlDataError(`line ${i + 1}: ${name} is not a number: "${raw}"`)
        row[name] = value
      } else {
        row[name] = raw
      }
    })
    rows.push(row)
  }
  return { rows, labels }
}

export async function loadOnlineShoppers(path: string): Promise<OnlineShoppersData> {
  return parseOnlineShoppers(await readFile(path, "utf8"))
}
