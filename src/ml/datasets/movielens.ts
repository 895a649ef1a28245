import { readFile } from "node:fs/promises"
import { MlDataError } from "../errors"
import { IdMap } from "../data/id-map"
import { assertValidInteractions, type Interactions } from "../data/interactions"

export type MovieLensRatings = {
  interactions: Interactions
  /** MovieLens user and movie numbers by dense id (dense ids follow ascending numbers). */
  userIds: IdMap<number>
  itemIds: IdMap<number>
}

type RawRating = { user: number; item: number; rating: number; seconds: number }

function parseLine(line: string, lineNumber: number): RawRating | null {
  const fields = line.trim().split(/\s+/)
  if (fields.length === 1 && fields[0] === "") return null
  if (fields.length !== 4) {
    throw new MlDataError(`line ${lineNumber}: expected "user item rating timestamp", got ${fields.length} fields`)
  }
  const user = Number(fields[0])
  const item = Number(fields[1])
  const rating = Number(fields[2])
  const seconds = Number(fields[3])
  if (![user, item, seconds].every(Number.isInteger) || !Number.isFinite(rating)) {
    throw new MlDataError(`line ${lineNumber}: non-numeric field in "${line.trim()}"`)
  }
  return { user, item, rating, seconds }
}

/**
 * Parses MovieLens `u.data` text: "user item rating unix-seconds", tab separated (any
 * whitespace and trailing separators are tolerated; the copy in ../shared has one trailing tab).
 * Every row is kept, in file order; weight = rating, timestamp in ms.
 */
export function parseMovieLensRatings(text: string): MovieLensRatings {
  const rows: RawRating[] = []
  const lines = text.split(/\r?\n/)
  for (let k = 0; k < lines.length; k++) {
    const row = parseLine(lines[k]!, k + 1)
    if (row) rows.push(row)
  }
  if (rows.length === 0) throw new MlDataError("no ratings found")

  // Ascending raw ids give dense ids in the dataset's own order, so "ties by ascending item id"
  // means the same thing in both id spaces.
  const ascending = (values: number[]) => [...new Set(values)].sort((a, b) => a - b)
  const userIds = IdMap.fromKeys(ascending(rows.map((r) => r.user)))
  const itemIds = IdMap.fromKeys(ascending(rows.map((r) => r.item)))

  const n = rows.length
  const interactions: Interactions = {
    userCount: userIds.size,
    itemCount: itemIds.size,
    users: new Int32Array(n),
    items: new Int32Array(n),
    weights: new Float32Array(n),
    timestamps: new Float64Array(n),
  }
  rows.forEach((row, k) => {
    interactions.users[k] = userIds.get(row.user)!
    interactions.items[k] = itemIds.get(row.item)!
    interactions.weights[k] = row.rating
    interactions.timestamps[k] = row.seconds * 1000
  })
  assertValidInteractions(interactions)
  return { interactions, userIds, itemIds }
}

export async function loadMovieLensRatings(path: string): Promise<MovieLensRatings> {
  let text: string
  try {
    text = await readFile(path, "utf8")
  } catch (error) {
    throw new MlDataError(`cannot read MovieLens ratings at ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return parseMovieLensRatings(text)
}
