import type { DataSource, EntityManager } from "typeorm"

type Db = DataSource | EntityManager

export type BehaviourEvent = {
  type: string
  product_id: string | null
  product_title: string | null
  search_query: string | null
  occurred_at: Date
}

/**
 * A shopper's newest behaviour for the admin (impressions left out: they are what the store
 * showed, not what the shopper did), with product titles from the catalogue mirror. Reads the
 * (actor_id, occurred_at DESC) index.
 */
export async function recentBehaviour(db: Db, actorId: string, limit: number): Promise<BehaviourEvent[]> {
  const rows: Array<BehaviourEvent & { occurred_at: Date | string }> = await db.query(
    `SELECT e.type, e.product_id, p.title AS product_title, e.search_query, e.occurred_at
       FROM reco_event e LEFT JOIN reco_product p ON p.product_id = e.product_id
      WHERE e.actor_id = $1 AND e.type <> 'impression'
      ORDER BY e.occurred_at DESC, e.id DESC
      LIMIT $2`,
    [actorId, limit]
  )
  return rows.map((r) => ({ ...r, occurred_at: new Date(r.occurred_at) }))
}

/** Every stored event of the shopper, impressions included (what an erasure deletes). */
export async function countBehaviour(db: Db, actorId: string): Promise<number> {
  const rows: Array<{ n: number }> = await db.query(`SELECT count(*)::int AS n FROM reco_event WHERE actor_id = $1`, [actorId])
  return rows[0]?.n ?? 0
}

/** When the shopper last browsed a product (what the intent model scores), or null. */
export async function lastBrowsingAt(db: Db, actorId: string): Promise<Date | null> {
  const rows: Array<{ at: Date | string }> = await db.query(
    `SELECT occurred_at AS at FROM reco_event
      WHERE actor_id = $1 AND status = 'active' AND product_id IS NOT NULL AND type NOT IN ('search', 'purchase')
      ORDER BY occurred_at DESC LIMIT 1`,
    [actorId]
  )
  return rows[0] ? new Date(rows[0].at) : null
}
