import type { DataSource } from "typeorm"
import type { SessionEvent, SessionEventType } from "../../ml/features/session-features"

const LOOKBACK_DAYS = 30
const MAX_EVENTS = 500

export type IntentSession = {
  /** The current session's browsing events (purchases excluded: they are the model's label). */
  events: SessionEvent[]
  /** Start of the shopper's previous session with browsing, as training computes it. */
  previousVisitAt: Date | null
}

type Row = { type: SessionEventType; product_id: string | null; occurred_at: Date | string }

/**
 * The shopper's live session for the intent model, built exactly as training builds its rows
 * (src/training/specs/intent-spec.ts): the same events (active, with a product, no searches),
 * sessions split where the gap exceeds `gapMs`, purchases kept for the split but not counted.
 * Null when the newest event is older than the gap: there is no session going on to score.
 * Reads the newest events first through the (actor_id, occurred_at DESC) index; a previous
 * session beyond the MAX_EVENTS newest is approximated by the oldest browsing event read.
 */
export async function loadIntentSession(
  dataSource: DataSource,
  actorId: string,
  now: Date,
  gapMs: number
): Promise<IntentSession | null> {
  const rows: Row[] = await dataSource.query(
    `SELECT type, product_id, occurred_at FROM reco_event
     WHERE actor_id = $1 AND status = 'active' AND product_id IS NOT NULL AND type <> 'search'
       AND occurred_at > $2 AND occurred_at <= $3
     ORDER BY occurred_at DESC LIMIT ${MAX_EVENTS}`,
    [actorId, new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000), new Date(now.getTime() + 300_000)]
  )
  return sessionOf(
    rows.map((r) => ({ type: r.type, productId: r.product_id, occurredAt: new Date(r.occurred_at) })),
    now,
    gapMs
  )
}

/** The split itself, for events newest first. */
export function sessionOf(newestFirst: readonly SessionEvent[], now: Date, gapMs: number): IntentSession | null {
  const newest = newestFirst[0]
  if (!newest || now.getTime() - newest.occurredAt.getTime() > gapMs) return null
  const sessions: SessionEvent[][] = [[]]
  let previous = newest.occurredAt.getTime()
  for (const event of newestFirst) {
    const at = event.occurredAt.getTime()
    if (previous - at > gapMs) sessions.push([])
    sessions[sessions.length - 1]!.push(event)
    previous = at
  }
  const browsing = (s: SessionEvent[]) => s.filter((e) => e.type !== "purchase")
  const current = browsing(sessions[0]!)
  if (current.length === 0) return null
  const earlier = sessions.slice(1).map(browsing).find((s) => s.length > 0)
  return {
    events: [...current].reverse(),
    previousVisitAt: earlier ? earlier[earlier.length - 1]!.occurredAt : null,
  }
}
