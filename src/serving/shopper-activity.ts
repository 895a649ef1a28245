import type { DataSource } from "typeorm"

export type ProductTouch = { productId: string; at: Date; type: string }

export type ShopperActivity = {
  /** Distinct products viewed or clicked, most recent first (last 30 days, at most 50). */
  recentlyViewed: ProductTouch[]
  /** The recentlyViewed entries of the current session (no gap longer than the session gap). */
  session: ProductTouch[]
  /** Products in active (not canceled or returned) purchases. */
  purchased: Set<string>
}

const RECENT_EVENTS = 200
const RECENT_DAYS = 30

/**
 * What a shopper did, read live on every request (never cached), so a view sent a moment ago
 * changes the next for_you and recently_viewed response. Both queries use the (actor_id,
 * occurred_at) index.
 */
export async function loadShopperActivity(
  dataSource: DataSource,
  actorId: string,
  now: Date,
  sessionGapMs: number
): Promise<ShopperActivity> {
  const [events, purchases] = await Promise.all([
    dataSource.query(
      `SELECT product_id, type, occurred_at FROM reco_event
       WHERE actor_id = $1 AND type IN ('view', 'click', 'cart_add') AND product_id IS NOT NULL
         AND occurred_at > $2 AND occurred_at <= $3
       ORDER BY occurred_at DESC LIMIT ${RECENT_EVENTS}`,
      [actorId, new Date(now.getTime() - RECENT_DAYS * 86_400_000), new Date(now.getTime() + 300_000)]
    ) as Promise<Array<{ product_id: string; type: string; occurred_at: Date }>>,
    dataSource.query(
      `SELECT DISTINCT product_id FROM reco_event
       WHERE actor_id = $1 AND type = 'purchase' AND status = 'active' AND product_id IS NOT NULL`,
      [actorId]
    ) as Promise<Array<{ product_id: string }>>,
  ])
  const seen = new Set<string>()
  const recentlyViewed: ProductTouch[] = []
  for (const e of events) {
    if (seen.has(e.product_id)) continue
    seen.add(e.product_id)
    if (recentlyViewed.length < 50) recentlyViewed.push({ productId: e.product_id, at: new Date(e.occurred_at), type: e.type })
  }
  // The session is the run of events, newest first, until a gap longer than sessionGapMs.
  const sessionIds = new Set<string>()
  let previous = now.getTime()
  for (const e of events) {
    const at = new Date(e.occurred_at).getTime()
    if (previous - at > sessionGapMs) break
    sessionIds.add(e.product_id)
    previous = at
  }
  return {
    recentlyViewed,
    session: recentlyViewed.filter((t) => sessionIds.has(t.productId)),
    purchased: new Set(purchases.map((p) => p.product_id)),
  }
}
