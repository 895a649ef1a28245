import { readFile } from "node:fs/promises"
import { MlDataError } from "../errors"

/** One shopping trip: every line a member bought on one date (DESIGN.md §4, P2). */
export type GroceryBasket = {
  member: string
  /** ISO date, YYYY-MM-DD, so string order is time order. */
  date: string
  /** Distinct dense item ids, ascending. */
  items: number[]
}

export type GroceriesData = {
  /** Dense id -> item description; ids follow the sorted descriptions, so they are stable. */
  itemNames: string[]
  /** Ordered by date, then member. */
  baskets: GroceryBasket[]
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Parses `Groceries_dataset.csv` (Member_number,Date,itemDescription,...). The file has no quoted
 * fields, so a plain split is exact; a row that does not fit is an error, not silently skipped.
 */
export function parseGroceries(text: string): GroceriesData {
  const lines = text.split("\n")
  const header = lines[0]?.trim().split(",") ?? []
  const memberCol = header.indexOf("Member_number")
  const dateCol = header.indexOf("Date")
  const itemCol = header.indexOf("itemDescription")
  if (memberCol < 0 || dateCol < 0 || itemCol < 0) {
    throw new MlDataError("groceries: header must have Member_number, Date and itemDescription")
  }
  const byBasket = new Map<string, { member: string; date: string; names: Set<string> }>()
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === "") continue
    const cells = line.split(",")
    if (cells.length !== header.length) throw new MlDataError(`groceries: line ${i + 1} has ${cells.length} fields`)
    const member = cells[memberCol]!
    const date = cells[dateCol]!
    const name = cells[itemCol]!
    if (!ISO_DATE.test(date)) throw new MlDataError(`groceries: line ${i + 1} has a non-ISO date "${date}"`)
    const key = `${member}\u0000${date}`
    let basket = byBasket.get(key)
    if (!basket) {
      basket = { member, date, names: new Set() }
      byBasket.set(key, basket)
    }
    basket.names.add(name)
  }
  const itemNames = [...new Set([...byBasket.values()].flatMap((b) => [...b.names]))].sort()
  const idOf = new Map(itemNames.map((name, id) => [name, id]))
  const baskets = [...byBasket.values()]
    .map((b) => ({ member: b.member, date: b.date, items: [...b.names].map((n) => idOf.get(n)!).sort((x, y) => x - y) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.member < b.member ? -1 : a.member > b.member ? 1 : 0))
  return { itemNames, baskets }
}

export async function loadGroceries(file: string): Promise<GroceriesData> {
  return parseGroceries(await readFile(file, "utf8"))
}
