import type { EntityManager } from "typeorm"
import { RecoServedRecommendation } from "../entities"
import { addMetricCounts, earlyTouchMoves, TOUCH_HANDOVER_LOCK } from "./metric-counters"

/**
 * Placements whose served lists are not product recommendations chosen by the plugin: search
 * results are Medusa's matches for a query, promotion lists hold promotion ids. They count as
 * served but not towards catalogue coverage.
 */
export const NOT_COVERAGE_PLACEMENTS = ["search", "promotions"]

/** Rows per INSERT: 10 columns stays well under Postgres' 65,535 bind parameters. */
const CHUNK = 1000

/**
 * Writes served lists and, in the same transaction, their daily `served` counters, the coverage
 * rows of their products, and the hand-over of impressions and clicks that arrived before the
 * list (see countNewTouches in event-writer.ts). A list id already stored is skipped, and so
 * are its counters. Returns how many lists were new.
 */
export async function writeServedLists(manager: EntityManager, lists: Array<Partial<RecoServedRecommendation>>): Promise<number> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [TOUCH_HANDOVER_LOCK])
  const ids: string[] = []
  for (let i = 0; i < lists.length; i += CHUNK) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(RecoServedRecommendation)
      .values(lists.slice(i, i + CHUNK))
      .orIgnore()
      .returning(["id"])
      .execute()
    for (const row of (result.raw ?? []) as Array<{ id: string }>) ids.push(row.id)
  }
  if (ids.length === 0) return 0

  const served: Array<{ day: string; placement: string; model_run_id: string; experiment_id: string; arm: string; served: string }> =
    await manager.query(
      `SELECT to_char((served_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, placement,
              coalesce(model_run_id::text, '') AS model_run_id, coalesce(experiment_id, '') AS experiment_id,
              coalesce(arm, '') AS arm, count(*) AS served
         FROM "reco_served_recommendation" WHERE id = ANY($1::varchar[])
        GROUP BY 1, 2, 3, 4, 5`,
      [ids]
    )
  // Served counts and moved touches in one upsert: every counter row this transaction locks is
  // locked in key order by one statement.
  await addMetricCounts(manager, [
    ...served.map((r) => ({
      day: r.day,
      placement: r.placement,
      modelRunId: r.model_run_id,
      experimentId: r.experiment_id,
      arm: r.arm,
      served: Number(r.served),
    })),
    ...(await earlyTouchMoves(manager, ids)),
  ])
  await manager.query(
    `INSERT INTO "reco_coverage_daily" ("day", "placement", "product_id")
     SELECT DISTINCT (s.served_at AT TIME ZONE 'UTC')::date, s.placement, item->>'product_id'
       FROM "reco_served_recommendation" s
       CROSS JOIN LATERAL jsonb_array_elements(s.items) AS item
      WHERE s.id = ANY($1::varchar[]) AND s.placement <> ALL($2::varchar[]) AND item->>'product_id' IS NOT NULL
      ORDER BY 1, 2, 3
     ON CONFLICT DO NOTHING`,
    [ids, NOT_COVERAGE_PLACEMENTS]
  )
  return ids.length
}
