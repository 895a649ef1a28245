import type { EntityManager } from "typeorm"

/**
 * Incremental writers of the daily metric tables. Every change is an UPSERT that adds to the
 * stored value (negative amounts reverse), so no dashboard ever recounts events. Rows are merged
 * per key and written in key order, so two transactions touching the same keys lock them in the
 * same order and cannot deadlock.
 */

/** A metric key; '' stands for "none" (no model run, no experiment, no arm). Days are UTC YYYY-MM-DD. */
export type MetricKey = { day: string; placement: string; modelRunId: string; experimentId: string; arm: string }

export const METRIC_COUNTERS = ["served", "impressions", "clicks", "add_to_carts", "attributed_orders", "attributed_items"] as const
export type MetricCounter = (typeof METRIC_COUNTERS)[number]
export type MetricIncrement = MetricKey & Partial<Record<MetricCounter, number>>

export type RevenueIncrement = MetricKey & { currencyCode: string; revenue: number; orders: number }
export type OrderDailyIncrement = { day: string; currencyCode: string; withRecommendations: boolean; orders: number; revenue: number }

/** The advisory lock that hands impressions and clicks over between the event writer and the served log. */
export const TOUCH_HANDOVER_LOCK = "reco_served_touch_handover"

/** UTC calendar day of an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/** The metric key of a served row (or of a touch whose served row is unknown: its own placement only). */
export function metricKey(
  day: string,
  source: { placement: string; modelRunId?: string | null; experimentId?: string | null; arm?: string | null }
): MetricKey {
  return {
    day,
    placement: source.placement,
    modelRunId: source.modelRunId ?? "",
    experimentId: source.experimentId ?? "",
    arm: source.arm ?? "",
  }
}

const keyOf = (k: MetricKey) => [k.day, k.placement, k.modelRunId, k.experimentId, k.arm].join("\u0000")

/** Money is kept to 4 decimals, as in the numeric(20,4) columns. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 1e4) / 1e4
}

function merge<T, K extends string>(rows: T[], key: (row: T) => string, fields: readonly K[], numbers: (row: T) => Record<K, number>) {
  const merged = new Map<string, { row: T; sums: Record<K, number> }>()
  for (const row of rows) {
    const k = key(row)
    const values = numbers(row)
    const entry = merged.get(k)
    if (!entry) merged.set(k, { row, sums: { ...values } })
    else for (const f of fields) entry.sums[f] += values[f]
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v)
    .filter((v) => fields.some((f) => v.sums[f] !== 0))
}

/** Adds counters to reco_metric_daily. */
export async function addMetricCounts(manager: EntityManager, rows: MetricIncrement[]): Promise<void> {
  const merged = merge(rows, keyOf, METRIC_COUNTERS, (r) =>
    Object.fromEntries(METRIC_COUNTERS.map((c) => [c, r[c] ?? 0])) as Record<MetricCounter, number>
  )
  if (merged.length === 0) return
  const params: unknown[] = []
  const values = merged.map(({ row, sums }) => {
    const base = params.length
    params.push(row.day, row.placement, row.modelRunId, row.experimentId, row.arm, ...METRIC_COUNTERS.map((c) => sums[c]))
    const slots = Array.from({ length: 5 + METRIC_COUNTERS.length }, (_, i) => `$${base + i + 1}`)
    slots[0] = `${slots[0]}::date`
    return `(${slots.join(", ")})`
  })
  const columns = METRIC_COUNTERS.map((c) => `"${c}"`).join(", ")
  const updates = METRIC_COUNTERS.map((c) => `"${c}" = "reco_metric_daily"."${c}" + EXCLUDED."${c}"`).join(", ")
  await manager.query(
    `INSERT INTO "reco_metric_daily" ("day", "placement", "model_run_id", "experiment_id", "arm", ${columns})
     VALUES ${values.join(", ")}
     ON CONFLICT ("day", "placement", "model_run_id", "experiment_id", "arm") DO UPDATE SET ${updates}`,
    params
  )
}

/** Adds attributed revenue (per currency) and orders to reco_metric_revenue_daily. */
export async function addRevenue(manager: EntityManager, rows: RevenueIncrement[]): Promise<void> {
  const merged = merge(rows, (r) => `${keyOf(r)}\u0000${r.currencyCode}`, ["revenue", "orders"] as const, (r) => ({
    revenue: r.revenue,
    orders: r.orders,
  }))
  if (merged.length === 0) return
  const params: unknown[] = []
  const values = merged.map(({ row, sums }) => {
    const b = params.length
    params.push(row.day, row.placement, row.modelRunId, row.experimentId, row.arm, row.currencyCode, roundMoney(sums.revenue), sums.orders)
    return `($${b + 1}::date, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}::numeric, $${b + 8})`
  })
  await manager.query(
    `INSERT INTO "reco_metric_revenue_daily" ("day", "placement", "model_run_id", "experiment_id", "arm", "currency_code", "revenue", "orders")
     VALUES ${values.join(", ")}
     ON CONFLICT ("day", "placement", "model_run_id", "experiment_id", "arm", "currency_code") DO UPDATE SET
       "revenue" = "reco_metric_revenue_daily"."revenue" + EXCLUDED."revenue",
       "orders" = "reco_metric_revenue_daily"."orders" + EXCLUDED."orders"`,
    params
  )
}

/** Adds placed orders (and their revenue) to reco_order_daily. */
export async function addOrderDaily(manager: EntityManager, rows: OrderDailyIncrement[]): Promise<void> {
  const merged = merge(
    rows,
    (r) => [r.day, r.currencyCode, r.withRecommendations ? "1" : "0"].join("\u0000"),
    ["orders", "revenue"] as const,
    (r) => ({ orders: r.orders, revenue: r.revenue })
  )
  if (merged.length === 0) return
  const params: unknown[] = []
  const values = merged.map(({ row, sums }) => {
    const b = params.length
    params.push(row.day, row.currencyCode, row.withRecommendations, sums.orders, roundMoney(sums.revenue))
    return `($${b + 1}::date, $${b + 2}, $${b + 3}::boolean, $${b + 4}, $${b + 5}::numeric)`
  })
  await manager.query(
    `INSERT INTO "reco_order_daily" ("day", "currency_code", "with_recommendations", "orders", "revenue")
     VALUES ${values.join(", ")}
     ON CONFLICT ("day", "currency_code", "with_recommendations") DO UPDATE SET
       "orders" = "reco_order_daily"."orders" + EXCLUDED."orders",
       "revenue" = "reco_order_daily"."revenue" + EXCLUDED."revenue"`,
    params
  )
}

type TouchCountRow = {
  day: string
  placement: string
  model_run_id: string
  experiment_id: string
  arm: string
  impressions: string
  clicks: string
}

/**
 * Counts just-stored impressions and clicks (by event id) under their served list's key, or,
 * when the list is not in reco_served_recommendation (yet), under the event's own placement
 * with no model or arm. The served log moves the latter when it writes the list (see
 * served-log.ts): callers must hold TOUCH_HANDOVER_LOCK (shared) whenever a list is missing.
 */
export async function countTouches(manager: EntityManager, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return
  const rows: TouchCountRow[] = await manager.query(
    `SELECT to_char((e.occurred_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
            coalesce(s.placement, e.placement) AS placement,
            CASE WHEN s.id IS NULL THEN '' ELSE coalesce(s.model_run_id::text, '') END AS model_run_id,
            CASE WHEN s.id IS NULL THEN '' ELSE coalesce(s.experiment_id, '') END AS experiment_id,
            CASE WHEN s.id IS NULL THEN '' ELSE coalesce(s.arm, '') END AS arm,
            count(*) FILTER (WHERE e.type = 'impression') AS impressions,
            count(*) FILTER (WHERE e.type = 'click') AS clicks
       FROM "reco_event" e
       LEFT JOIN "reco_served_recommendation" s ON s.id = e.recommendation_id
      WHERE e.id = ANY($1::uuid[]) AND e.type IN ('impression', 'click')
        AND (s.id IS NOT NULL OR e.placement IS NOT NULL)
      GROUP BY 1, 2, 3, 4, 5`,
    [eventIds]
  )
  await addMetricCounts(
    manager,
    rows.map((r) => ({
      day: r.day,
      placement: r.placement,
      modelRunId: r.model_run_id,
      experimentId: r.experiment_id,
      arm: r.arm,
      impressions: Number(r.impressions),
      clicks: Number(r.clicks),
    }))
  )
}

/**
 * The served log's half of the hand-over: impressions and clicks stored before their list was
 * written were counted under their own placement; now that the lists `servedIds` exist (in this
 * transaction, under TOUCH_HANDOVER_LOCK exclusive), the increments that move them to the lists'
 * keys. The caller writes them together with its other counters in one statement (one sorted
 * lock order per transaction, so it cannot deadlock with an event writer).
 */
export async function earlyTouchMoves(manager: EntityManager, servedIds: string[]): Promise<MetricIncrement[]> {
  if (servedIds.length === 0) return []
  const rows: Array<TouchCountRow & { event_placement: string | null }> = await manager.query(
    `SELECT to_char((e.occurred_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
            e.placement AS event_placement,
            s.placement,
            coalesce(s.model_run_id::text, '') AS model_run_id,
            coalesce(s.experiment_id, '') AS experiment_id,
            coalesce(s.arm, '') AS arm,
            count(*) FILTER (WHERE e.type = 'impression') AS impressions,
            count(*) FILTER (WHERE e.type = 'click') AS clicks
       FROM "reco_event" e
       JOIN "reco_served_recommendation" s ON s.id = e.recommendation_id
      WHERE e.recommendation_id = ANY($1::varchar[]) AND e.type IN ('impression', 'click')
      GROUP BY 1, 2, 3, 4, 5, 6`,
    [servedIds]
  )
  const increments: MetricIncrement[] = []
  for (const r of rows) {
    const impressions = Number(r.impressions)
    const clicks = Number(r.clicks)
    increments.push({ day: r.day, placement: r.placement, modelRunId: r.model_run_id, experimentId: r.experiment_id, arm: r.arm, impressions, clicks })
    if (r.event_placement !== null) {
      increments.push({ ...metricKey(r.day, { placement: r.event_placement }), impressions: -impressions, clicks: -clicks })
    }
  }
  return increments
}
