import { readFile } from "node:fs/promises"
import { MlDataError } from "../errors"

/** One browsing session of the DIGINETICA view log (DESIGN.md §4, P3). */
export type ViewSession = {
  sessionId: string
  /** The latest `eventdate` of the session (ISO), so a session reaching into the test days is a test session. */
  date: string
  /** Dense item ids in view order (by `timeframe`); repeated views are kept, as the protocol counts them. */
  items: number[]
}

export type DigineticaData = {
  /** Dense id -> original item id; ids follow the numeric original ids, so they are stable. */
  itemNames: string[]
  /** Ordered by date, then numeric session id. */
  sessions: ViewSession[]
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function compareIds(a: string, b: string): number {
  const na = Number(a)
  const nb = Number(b)
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}

/** Parses `sample_train-item-views.csv` (session_id;user_id;item_id;timeframe;eventdate). */
export function parseDiginetica(text: string): DigineticaData {
  const lines = text.split("\n")
  const header = lines[0]?.trim().split(";") ?? []
  const sessionCol = header.indexOf("session_id")
  const itemCol = header.indexOf("item_id")
  const timeCol = header.indexOf("timeframe")
  const dateCol = header.indexOf("eventdate")
  if (sessionCol < 0 || itemCol < 0 || timeCol < 0 || dateCol < 0) {
    throw new MlDataError("diginetica: header must have session_id, item_id, timeframe and eventdate")
  }
  type View = { item: string; time: number; order: number }
  const bySession = new Map<string, { date: string; views: View[] }>()
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === "") continue
    const cells = line.split(";")
    if (cells.length !== header.length) throw new MlDataError(`diginetica: line ${i + 1} has ${cells.length} fields`)
    const sessionId = cells[sessionCol]!
    const date = cells[dateCol]!
    const time = Number(cells[timeCol])
    if (!ISO_DATE.test(date)) throw new MlDataError(`diginetica: line ${i + 1} has a non-ISO date "${date}"`)
    if (!Number.isFinite(time)) throw new MlDataError(`diginetica: line ${i + 1} has a bad timeframe`)
    let session = bySession.get(sessionId)
    if (!session) {
      session = { date, views: [] }
      bySession.set(sessionId, session)
    }
    if (date > session.date) session.date = date
    session.views.push({ item: cells[itemCol]!, time, order: i })
  }
  const itemNames = [...new Set([...bySession.values()].flatMap((s) => s.views.map((v) => v.item)))].sort(compareIds)
  const idOf = new Map(itemNames.map((name, id) => [name, id]))
  const sessions = [...bySession.entries()]
    .map(([sessionId, s]) => ({
      sessionId,
      date: s.date,
      // File order breaks equal timeframes, so the order is deterministic.
      items: s.views.sort((a, b) => a.time - b.time || a.order - b.order).map((v) => idOf.get(v.item)!),
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.sessionId, b.sessionId)))
  return { itemNames, sessions }
}

export async function loadDiginetica(file: string): Promise<DigineticaData> {
  return parseDiginetica(await readFile(file, "utf8"))
}
