import type { EntityManager } from "typeorm"
import { addMetricCounts } from "./metric-counters"

/**
 * Counts just-stored cart adds (by event id) as add_to_carts of the recommendation the same
 * shopper last clicked that product in, within the attribution window before the add. The
 * click's served list gives the key; a click whose list is unknown counts under its own
 * placement. Adds without such a click count nowhere. Runs in the caller's transaction.
 */
export async function countRecommendedCartAdds(manager: EntityManager, eventIds: string[], windowDays: number): Promise<number> {
  if (eventIds.length === 0) return 0
  const rows: Array<{ day: string; placement: string; model_run_id: string; experiment_id: string; arm: string; adds: string }> =
    await manager.query(
      `SELECT to_char((a.occurred_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
              coalesce(s.placement, c.placement) AS placement,
              CASE WHEN s.id IS NULL THEN '' ELSE coalesce(s.model_run_id::text, '') END AS model_run_id,
              CASE WHEN s.id IS NULL THEN '' ELSE coalesce(s.experiment_id, '') END AS experiment_id,
              CASE WHEN s.id IS NULL THEN '' ELSE coalesce(s.arm, '') END AS arm,
              count(*) AS adds
         FROM "reco_event" a
         CROSS JOIN LATERAL (
           SELECT c.recommendation_id, c.placement
             FROM "reco_event" c
            WHERE c.actor_id = a.actor_id AND c.type = 'click' AND c.product_id = a.product_id
              AND c.occurred_at <= a.occurred_at
              AND c.occurred_at >= a.occurred_at - make_interval(days => $2::int)
              AND (c.recommendation_id IS NOT NULL OR c.placement IS NOT NULL)
            ORDER BY c.occurred_at DESC
            LIMIT 1
         ) c
         LEFT JOIN "reco_served_recommendation" s ON s.id = c.recommendation_id
        WHERE a.id = ANY($1::uuid[]) AND a.type = 'cart_add' AND a.product_id IS NOT NULL
          AND (s.id IS NOT NULL OR c.placement IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5`,
      [eventIds, windowDays]
    )
  await addMetricCounts(
    manager,
    rows.map((r) => ({
      day: r.day,
      placement: r.placement,
      modelRunId: r.model_run_id,
      experimentId: r.experiment_id,
      arm: r.arm,
      add_to_carts: Number(r.adds),
    }))
  )
  return rows.reduce((n, r) => n + Number(r.adds), 0)
}
