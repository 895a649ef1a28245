import type { DataSource, EntityManager } from "typeorm"
import { type Actor, actorOf, anonymousIdOf } from "../../capture/actor"
import {
  type AttributableLine,
  attributableLines,
  chooseTouch,
  type OrderRecordWithTotals,
  returnedQuantities,
  returnReversal,
  type TouchCandidate,
} from "../../capture/order-attribution"
import { RecoActorAlias, RecoAttribution, RecoEvent, RecoOrderOutcome } from "../entities"
import type { OrderOutcomeLine } from "../entities/reco-order-outcome.entity"
import {
  addMetricCounts,
  addOrderDaily,
  addRevenue,
  type MetricIncrement,
  type MetricKey,
  metricKey,
  type RevenueIncrement,
  roundMoney,
  utcDay,
} from "./metric-counters"
import { NOT_COVERAGE_PLACEMENTS } from "./served-metrics"
import { readSettings, type RecoSettings } from "./settings"

/**
 * Revenue attribution over the plugin tables. Every function runs in the caller's transaction
 * and keeps the daily metric tables in step with the rows it writes: attribution adds, cancels
 * and returns subtract on the day the order was placed, so the dashboards stay right.
 */

export type AttributeOrderInput = {
  orderId: string
  actor: Actor
  /** Other ids of this shopper: the anonymous id in the order's metadata (aliases are looked up here). */
  extraActorIds: string[]
  currencyCode: string
  orderedAt: Date
  lines: AttributableLine[]
  windowDays: number
}

export type AttributeOrderOutcome = { replayed: boolean; attributed: number; withRecommendations: boolean }

/**
 * Served lists the storefront reported no impression for count as shown, except placements
 * that are not product recommendations (search results, promotions).
 */
const SERVED_AS_SHOWN_EXCLUDED = NOT_COVERAGE_PLACEMENTS

/**
 * Attributes each line of a placed order to the recommendation that earned it (see chooseTouch),
 * books the order in reco_order_daily (with or without recommended items) and adds the metrics.
 * The order's ledger row is inserted first-wins: a replayed order.placed changes nothing.
 */
export async function attributeOrder(manager: EntityManager, input: AttributeOrderInput): Promise<AttributeOrderOutcome> {
  const currency = input.currencyCode.toLowerCase()
  const actorIds = new Set([input.actor.id, ...input.extraActorIds])
  if (input.actor.type === "customer") {
    const aliases = await manager.getRepository(RecoActorAlias).find({ where: { customerId: input.actor.id } })
    for (const a of aliases) actorIds.add(a.anonymousId)
  }
  const productIds = [...new Set(input.lines.flatMap((l) => (l.productId ? [l.productId] : [])))]
  const from = new Date(input.orderedAt.getTime() - input.windowDays * 86_400_000)
  const candidates = productIds.length > 0 ? await touchCandidates(manager, [...actorIds], productIds, from, input.orderedAt) : []

  const chosen = input.lines.map((line) => ({
    line,
    touch: line.productId ? chooseTouch(candidates, line.productId, input.orderedAt, input.windowDays) : null,
  }))
  const recommendationIds = [...new Set(chosen.flatMap((c) => (c.touch?.recommendationId ? [c.touch.recommendationId] : [])))]
  const served = await servedKeys(manager, recommendationIds)

  const rows: Array<Partial<RecoAttribution>> = []
  for (const { line, touch } of chosen) {
    if (!touch || !line.productId) continue
    const list = touch.recommendationId ? served.get(touch.recommendationId) : undefined
    const placement = list?.placement ?? touch.placement
    if (!placement) continue
    rows.push({
      orderId: input.orderId,
      lineItemId: line.lineItemId,
      productId: line.productId,
      variantId: line.variantId,
      actorType: input.actor.type,
      actorId: input.actor.id,
      recommendationId: touch.recommendationId,
      placement,
      modelRunId: list?.modelRunId ?? null,
      experimentId: list?.experimentId ?? null,
      arm: list?.arm ?? null,
      touch: touch.touch,
      touchedAt: touch.touchedAt,
      quantity: line.quantity,
      revenue: String(line.revenue),
      currencyCode: currency,
      orderedAt: input.orderedAt,
    })
  }

  const lines: Record<string, OrderOutcomeLine> = Object.fromEntries(
    input.lines.map((l) => [l.lineItemId, { quantity: l.quantity, revenue: l.revenue, returned_quantity: 0, reversed_revenue: 0 }])
  )
  const revenue = roundMoney(input.lines.reduce((sum, l) => sum + l.revenue, 0))
  const ledger = await manager
    .createQueryBuilder()
    .insert()
    .into(RecoOrderOutcome)
    .values({
      orderId: input.orderId,
      actorType: input.actor.type,
      actorId: input.actor.id,
      currencyCode: currency,
      revenue: String(revenue),
      withRecommendations: rows.length > 0,
      lines,
      orderedAt: input.orderedAt,
    })
    .orIgnore()
    .returning(["orderId"])
    .execute()
  if (((ledger.raw ?? []) as unknown[]).length === 0) {
    return { replayed: true, attributed: 0, withRecommendations: false }
  }
  if (rows.length > 0) {
    await manager.createQueryBuilder().insert().into(RecoAttribution).values(rows).orIgnore().execute()
  }

  const day = utcDay(input.orderedAt)
  const byKey = groupByKey(rows.map((r) => ({ key: metricKey(day, r as AttributionKeySource), quantity: r.quantity!, revenue: Number(r.revenue) })))
  await addMetricCounts(
    manager,
    byKey.map((g) => ({ ...g.key, attributed_orders: 1, attributed_items: g.quantity }))
  )
  await addRevenue(
    manager,
    byKey.map((g) => ({ ...g.key, currencyCode: currency, revenue: g.revenue, orders: 1 }))
  )
  await addOrderDaily(manager, [{ day, currencyCode: currency, withRecommendations: rows.length > 0, orders: 1, revenue }])
  return { replayed: false, attributed: rows.length, withRecommendations: rows.length > 0 }
}

type AttributionKeySource = { placement: string; modelRunId: string | null; experimentId: string | null; arm: string | null }

/** Sums quantity and revenue per metric key, in key order. */
function groupByKey(items: Array<{ key: MetricKey; quantity: number; revenue: number }>) {
  const groups = new Map<string, { key: MetricKey; quantity: number; revenue: number }>()
  for (const item of items) {
    const k = JSON.stringify(item.key)
    const g = groups.get(k)
    if (g) {
      g.quantity += item.quantity
      g.revenue += item.revenue
    } else groups.set(k, { ...item })
  }
  return [...groups.values()]
}

/**
 * The latest click and latest impression per product by these actors in the window, plus, per
 * product, the latest served list that contained it and for which the storefront reported no
 * impressions at all (a storefront that never sends impressions still gets "shown" attribution;
 * one that does is trusted about what was actually seen).
 */
async function touchCandidates(
  manager: EntityManager,
  actorIds: string[],
  productIds: string[],
  from: Date,
  to: Date
): Promise<TouchCandidate[]> {
  const reported: Array<{ product_id: string; type: "click" | "impression"; recommendation_id: string | null; placement: string | null; occurred_at: Date }> =
    await manager.query(
      `SELECT DISTINCT ON (e.product_id, e.type) e.product_id, e.type, e.recommendation_id, e.placement, e.occurred_at
         FROM "reco_event" e
        WHERE e.actor_id = ANY($1::varchar[]) AND e.product_id = ANY($2::varchar[])
          AND e.type IN ('click', 'impression') AND e.occurred_at >= $3 AND e.occurred_at <= $4
          AND (e.recommendation_id IS NOT NULL OR e.placement IS NOT NULL)
        ORDER BY e.product_id, e.type, e.occurred_at DESC`,
      [actorIds, productIds, from, to]
    )
  const shown: Array<{ product_id: string; id: string; placement: string; served_at: Date }> = await manager.query(
    `SELECT DISTINCT ON (item->>'product_id') item->>'product_id' AS product_id, s.id, s.placement, s.served_at
       FROM "reco_served_recommendation" s
       CROSS JOIN LATERAL jsonb_array_elements(s.items) AS item
      WHERE s.actor_id = ANY($1::varchar[]) AND s.served_at >= $3 AND s.served_at <= $4
        AND s.placement <> ALL($5::varchar[]) AND item->>'product_id' = ANY($2::varchar[])
        AND NOT EXISTS (SELECT 1 FROM "reco_event" i WHERE i.recommendation_id = s.id AND i.type = 'impression')
      ORDER BY item->>'product_id', s.served_at DESC`,
    [actorIds, productIds, from, to, SERVED_AS_SHOWN_EXCLUDED]
  )
  return [
    ...reported.map((r) => ({
      productId: r.product_id,
      touch: r.type,
      recommendationId: r.recommendation_id,
      placement: r.placement,
      touchedAt: new Date(r.occurred_at),
    })),
    ...shown.map((s) => ({
      productId: s.product_id,
      touch: "impression" as const,
      recommendationId: s.id,
      placement: s.placement,
      touchedAt: new Date(s.served_at),
    })),
  ]
}

async function servedKeys(manager: EntityManager, ids: string[]) {
  const map = new Map<string, AttributionKeySource>()
  if (ids.length === 0) return map
  const rows: Array<{ id: string; placement: string; model_run_id: string | null; experiment_id: string | null; arm: string | null }> =
    await manager.query(
      `SELECT id, placement, model_run_id::text AS model_run_id, experiment_id, arm FROM "reco_served_recommendation" WHERE id = ANY($1::varchar[])`,
      [ids]
    )
  for (const r of rows) map.set(r.id, { placement: r.placement, modelRunId: r.model_run_id, experimentId: r.experiment_id, arm: r.arm })
  return map
}

type LedgerRow = { order_id: string; currency_code: string; revenue: string; returned_revenue: string; with_recommendations: boolean; status: string; ordered_at: Date; lines: Record<string, OrderOutcomeLine> }
type AttributionRow = {
  id: string
  placement: string
  model_run_id: string | null
  experiment_id: string | null
  arm: string | null
  quantity: number
  returned_quantity: number
  revenue: string
  reversed_revenue: string
  currency_code: string
  ordered_at: Date
  line_item_id: string
}

async function lockLedger(manager: EntityManager, orderId: string): Promise<LedgerRow | null> {
  const rows: LedgerRow[] = await manager.query(`SELECT * FROM "reco_order_outcome" WHERE order_id = $1 FOR UPDATE`, [orderId])
  return rows[0] ?? null
}

async function lockAttributions(manager: EntityManager, orderId: string): Promise<AttributionRow[]> {
  return manager.query(
    `SELECT id, placement, model_run_id::text AS model_run_id, experiment_id, arm, quantity, returned_quantity, revenue,
            reversed_revenue, currency_code, ordered_at, line_item_id
       FROM "reco_attribution" WHERE order_id = $1 AND status <> 'canceled' ORDER BY line_item_id FOR UPDATE`,
    [orderId]
  )
}

/**
 * Metric decrements for attribution rows losing `units` and `revenue` each: items and revenue
 * go down by what was lost; a key's order counts go down once, when the last of its units in
 * this order is gone.
 */
function reversalIncrements(rows: AttributionRow[], lost: Map<string, { units: number; revenue: number }>) {
  const keys = new Map<string, { key: MetricKey; currency: string; before: number; after: number; units: number; revenue: number }>()
  for (const row of rows) {
    const key = metricKey(utcDay(new Date(row.ordered_at)), {
      placement: row.placement,
      modelRunId: row.model_run_id,
      experimentId: row.experiment_id,
      arm: row.arm,
    })
    const k = JSON.stringify(key)
    const entry = keys.get(k) ?? { key, currency: row.currency_code, before: 0, after: 0, units: 0, revenue: 0 }
    const remaining = row.quantity - row.returned_quantity
    const change = lost.get(row.id) ?? { units: 0, revenue: 0 }
    entry.before += remaining
    entry.after += remaining - change.units
    entry.units += change.units
    entry.revenue += change.revenue
    keys.set(k, entry)
  }
  const metrics: MetricIncrement[] = []
  const revenue: RevenueIncrement[] = []
  for (const e of keys.values()) {
    const orders = e.before > 0 && e.after <= 0 ? 1 : 0
    if (e.units === 0 && e.revenue === 0 && orders === 0) continue
    metrics.push({ ...e.key, attributed_items: -e.units, attributed_orders: -orders })
    revenue.push({ ...e.key, currencyCode: e.currency, revenue: -e.revenue, orders: -orders })
  }
  return { metrics, revenue }
}

export type ReversalOutcome = { reversedLines: number; revenue: number }

/** order.canceled: every attribution of the order is canceled and what it still counted is subtracted. */
export async function cancelOrderAttribution(manager: EntityManager, orderId: string, at = new Date()): Promise<ReversalOutcome> {
  const ledger = await lockLedger(manager, orderId)
  if (!ledger || ledger.status === "canceled") return { reversedLines: 0, revenue: 0 }
  const rows = await lockAttributions(manager, orderId)
  const lost = new Map(
    rows.map((r) => [r.id, { units: r.quantity - r.returned_quantity, revenue: roundMoney(Number(r.revenue) - Number(r.reversed_revenue)) }])
  )
  const { metrics, revenue } = reversalIncrements(rows, lost)
  await addMetricCounts(manager, metrics)
  await addRevenue(manager, revenue)
  if (rows.length > 0) {
    await manager.query(
      `UPDATE "reco_attribution" SET status = 'canceled', reversed_revenue = revenue, reversed_at = $2
        WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id), at]
    )
  }
  const kept = roundMoney(Number(ledger.revenue) - Number(ledger.returned_revenue))
  await addOrderDaily(manager, [
    {
      day: utcDay(new Date(ledger.ordered_at)),
      currencyCode: ledger.currency_code,
      withRecommendations: ledger.with_recommendations,
      orders: -1,
      revenue: -kept,
    },
  ])
  await manager.query(`UPDATE "reco_order_outcome" SET status = 'canceled' WHERE order_id = $1`, [orderId])
  return { reversedLines: rows.length, revenue: [...lost.values()].reduce((s, l) => s + l.revenue, 0) }
}

/**
 * Returns received: `returned` is each line's cumulative returned quantity (Medusa's received
 * plus dismissed). Only what is new since the last call is reversed, proportionally to the
 * line's quantity, so partial and repeated returns (and replays) add up exactly. Fully returned
 * lines' attributions become `returned` and their purchase events are marked `returned`.
 */
export async function applyOrderReturns(
  manager: EntityManager,
  orderId: string,
  returned: Map<string, number>,
  at = new Date()
): Promise<ReversalOutcome> {
  const ledger = await lockLedger(manager, orderId)
  if (!ledger || ledger.status === "canceled") return { reversedLines: 0, revenue: 0 }

  let orderRevenue = 0
  const lines = { ...ledger.lines }
  const fullyReturned: string[] = []
  for (const [lineId, line] of Object.entries(lines)) {
    const r = returnReversal(
      { quantity: line.quantity, returnedQuantity: line.returned_quantity, revenue: line.revenue, reversedRevenue: line.reversed_revenue },
      returned.get(lineId) ?? 0
    )
    if (r.fullyReturned) fullyReturned.push(lineId)
    if (r.units === 0) continue
    lines[lineId] = { ...line, returned_quantity: line.returned_quantity + r.units, reversed_revenue: roundMoney(line.reversed_revenue + r.revenue) }
    orderRevenue += r.revenue
  }

  const rows = await lockAttributions(manager, orderId)
  const lost = new Map<string, { units: number; revenue: number }>()
  for (const row of rows) {
    const r = returnReversal(
      { quantity: row.quantity, returnedQuantity: row.returned_quantity, revenue: Number(row.revenue), reversedRevenue: Number(row.reversed_revenue) },
      returned.get(row.line_item_id) ?? 0
    )
    if (r.units === 0) continue
    lost.set(row.id, { units: r.units, revenue: r.revenue })
    await manager.query(
      `UPDATE "reco_attribution"
          SET returned_quantity = returned_quantity + $2, reversed_revenue = reversed_revenue + $3::numeric,
              status = CASE WHEN $4::boolean THEN 'returned' ELSE status END, reversed_at = $5
        WHERE id = $1`,
      [row.id, r.units, r.revenue, r.fullyReturned, at]
    )
  }
  const { metrics, revenue } = reversalIncrements(rows, lost)
  await addMetricCounts(manager, metrics)
  await addRevenue(manager, revenue)

  orderRevenue = roundMoney(orderRevenue)
  if (orderRevenue !== 0) {
    await addOrderDaily(manager, [
      {
        day: utcDay(new Date(ledger.ordered_at)),
        currencyCode: ledger.currency_code,
        withRecommendations: ledger.with_recommendations,
        orders: 0,
        revenue: -orderRevenue,
      },
    ])
  }
  await manager.query(
    `UPDATE "reco_order_outcome" SET lines = $2::jsonb, returned_revenue = returned_revenue + $3::numeric WHERE order_id = $1`,
    [orderId, JSON.stringify(lines), orderRevenue]
  )
  if (fullyReturned.length > 0) {
    await manager
      .createQueryBuilder()
      .update(RecoEvent)
      .set({ status: "returned" })
      .where("order_id = :orderId AND type = 'purchase' AND status = 'active' AND line_item_id IN (:...lineIds)", {
        orderId,
        lineIds: fullyReturned,
      })
      .execute()
  }
  return { reversedLines: lost.size, revenue: [...lost.values()].reduce((s, l) => s + l.revenue, 0) }
}

/** Attributes a placed order read from Medusa (see attributableLines), in its own transaction. */
export function attributeOrderRecord(dataSource: DataSource, order: OrderRecordWithTotals, settingsDefaults: RecoSettings) {
  return dataSource.transaction(async (manager) => {
    const { attribution_window_days } = await readSettings(manager, settingsDefaults)
    const anonymousId = anonymousIdOf(order)
    return attributeOrder(manager, {
      orderId: order.id,
      actor: actorOf(order),
      extraActorIds: anonymousId ? [anonymousId] : [],
      currencyCode: order.currency_code ?? "",
      orderedAt: order.created_at ? new Date(order.created_at) : new Date(),
      lines: attributableLines(order),
      windowDays: attribution_window_days,
    })
  })
}

/** order.canceled, in its own transaction. */
export function cancelOrderRecord(dataSource: DataSource, orderId: string) {
  return dataSource.transaction((manager) => cancelOrderAttribution(manager, orderId))
}

/** order.return_received: the order's returned quantities as Medusa now has them, in one transaction. */
export function recordOrderReturns(dataSource: DataSource, order: OrderRecordWithTotals) {
  return dataSource.transaction((manager) => applyOrderReturns(manager, order.id, returnedQuantities(order)))
}
