import type { DataSource, EntityManager } from "typeorm"
import { utcDay } from "./metric-counters"

type Db = DataSource | EntityManager

/**
 * The admin dashboard's read side: GET /admin/recommendations/metrics and an order's
 * attribution. Everything is read from the incrementally updated daily tables (a few rows per
 * day, placement and model), never from events.
 */

export type MetricsQuery = {
  /** First day, YYYY-MM-DD (UTC); default 29 days before `to`. */
  from?: string
  /** Last day, inclusive; default today (UTC). */
  to?: string
  placement?: string
  model_run_id?: string
  /** The clock, for tests. */
  now?: Date
}

export type Money = { currency_code: string; amount: number }
export type AovEntry = Money & { orders: number }

type Counters = { served: number; impressions: number; clicks: number; add_to_carts: number; attributed_orders: number; attributed_items: number }

export type MetricsReport = {
  from: string
  to: string
  kpis: {
    served: number
    impressions: number
    clicks: number
    ctr: number
    add_to_carts: number
    add_to_cart_rate: number
    attributed_orders: number
    attributed_items: number
    conversion_rate: number
    attributed_revenue: Money[]
    aov_with_recommendations: AovEntry[]
    aov_without_recommendations: AovEntry[]
    coverage: { recommended_products: number; catalog_products: number; share: number }
  }
  series: Array<{ day: string; served: number; impressions: number; clicks: number; add_to_carts: number; attributed_orders: number; revenue: Money[] }>
  by_placement: Array<{
    placement: string
    served: number
    impressions: number
    clicks: number
    ctr: number
    add_to_carts: number
    add_to_cart_rate: number
    attributed_orders: number
    conversion_rate: number
    revenue: Money[]
  }>
  by_model: Array<{
    model_run_id: string
    model_kind: string | null
    algorithm: string | null
    served: number
    impressions: number
    clicks: number
    ctr: number
    attributed_orders: number
    conversion_rate: number
    revenue: Money[]
  }>
}

const DAY_MS = 86_400_000
export const DEFAULT_RANGE_DAYS = 30

/** A rate rounded to 4 decimals; 0 when the denominator is 0. */
export function rate(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((numerator / denominator) * 1e4) / 1e4 : 0
}

/** The report's day range: `to` defaults to today (UTC), `from` to 29 days before `to`. */
export function reportRange(query: Pick<MetricsQuery, "from" | "to" | "now">): { from: string; to: string } {
  const to = query.to ?? utcDay(query.now ?? new Date())
  const from = query.from ?? utcDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS))
  return { from, to }
}

/** Every day from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) days.push(utcDay(new Date(t)))
  return days
}

const emptyCounters = (): Counters => ({ served: 0, impressions: 0, clicks: 0, add_to_carts: 0, attributed_orders: 0, attributed_items: 0 })

function addInto(target: Counters, row: Counters) {
  for (const k of Object.keys(target) as Array<keyof Counters>) target[k] += row[k]
}

class MoneyBag {
  private readonly sums = new Map<string, number>()
  add(currency: string, amount: number) {
    this.sums.set(currency, (this.sums.get(currency) ?? 0) + amount)
  }
  list(): Money[] {
    return [...this.sums.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency_code, amount]) => ({ currency_code, amount: Math.round(amount * 1e4) / 1e4 }))
  }
}

function bagIn<K>(map: Map<K, MoneyBag>, key: K): MoneyBag {
  let bag = map.get(key)
  if (!bag) map.set(key, (bag = new MoneyBag()))
  return bag
}

export async function metricsReport(db: Db, query: MetricsQuery): Promise<MetricsReport> {
  const { from, to } = reportRange(query)
  const params: unknown[] = [from, to]
  let filter = ""
  if (query.placement) {
    params.push(query.placement)
    filter += ` AND placement = $${params.length}`
  }
  if (query.model_run_id) {
    params.push(query.model_run_id)
    filter += ` AND model_run_id = $${params.length}`
  }
  const filtered = Boolean(query.placement || query.model_run_id)

  const counterRows: Array<Record<keyof Counters, string> & { day: string; placement: string; model_run_id: string }> = await db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, placement, model_run_id,
            sum(served) AS served, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(add_to_carts) AS add_to_carts,
            sum(attributed_orders) AS attributed_orders, sum(attributed_items) AS attributed_items
       FROM "reco_metric_daily"
      WHERE day BETWEEN $1::date AND $2::date${filter}
      GROUP BY day, placement, model_run_id`,
    params
  )
  const revenueRows: Array<{ day: string; placement: string; model_run_id: string; currency_code: string; revenue: string }> = await db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, placement, model_run_id, currency_code, sum(revenue) AS revenue
       FROM "reco_metric_revenue_daily"
      WHERE day BETWEEN $1::date AND $2::date${filter}
      GROUP BY day, placement, model_run_id, currency_code`,
    params
  )
  const orderRows: Array<{ day: string; currency_code: string; with_recommendations: boolean; orders: string; revenue: string }> = await db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, currency_code, with_recommendations, orders, revenue
       FROM "reco_order_daily" WHERE day BETWEEN $1::date AND $2::date`,
    [from, to]
  )

  const total = emptyCounters()
  const perDay = new Map<string, Counters>()
  const perPlacement = new Map<string, Counters>()
  const perModel = new Map<string, Counters>()
  for (const r of counterRows) {
    const c: Counters = {
      served: Number(r.served),
      impressions: Number(r.impressions),
      clicks: Number(r.clicks),
      add_to_carts: Number(r.add_to_carts),
      attributed_orders: Number(r.attributed_orders),
      attributed_items: Number(r.attributed_items),
    }
    addInto(total, c)
    for (const [map, key] of [
      [perDay, r.day],
      [perPlacement, r.placement],
      [perModel, r.model_run_id],
    ] as const) {
      if (map === perModel && key === "") continue
      if (!map.has(key)) map.set(key, emptyCounters())
      addInto(map.get(key)!, c)
    }
  }
  const revenue = new MoneyBag()
  const revenuePerDay = new Map<string, MoneyBag>()
  const revenuePerPlacement = new Map<string, MoneyBag>()
  const revenuePerModel = new Map<string, MoneyBag>()
  for (const r of revenueRows) {
    const amount = Number(r.revenue)
    revenue.add(r.currency_code, amount)
    bagIn(revenuePerDay, r.day).add(r.currency_code, amount)
    bagIn(revenuePerPlacement, r.placement).add(r.currency_code, amount)
    if (r.model_run_id !== "") bagIn(revenuePerModel, r.model_run_id).add(r.currency_code, amount)
  }

  // An order attributed to two placements counts once in the totals: without a filter they come
  // from the order ledger's "with recommendations" orders; with one, from the filtered keys.
  const aov = { with: new Map<string, { orders: number; revenue: number }>(), without: new Map<string, { orders: number; revenue: number }>() }
  const ordersWithPerDay = new Map<string, number>()
  for (const r of orderRows) {
    const side = r.with_recommendations ? aov.with : aov.without
    const entry = side.get(r.currency_code) ?? { orders: 0, revenue: 0 }
    entry.orders += Number(r.orders)
    entry.revenue += Number(r.revenue)
    side.set(r.currency_code, entry)
    if (r.with_recommendations) ordersWithPerDay.set(r.day, (ordersWithPerDay.get(r.day) ?? 0) + Number(r.orders))
  }
  const attributedOrders = (counted: number, day?: string) =>
    filtered ? counted : day === undefined ? [...ordersWithPerDay.values()].reduce((a, b) => a + b, 0) : (ordersWithPerDay.get(day) ?? 0)
  const aovList = (side: Map<string, { orders: number; revenue: number }>): AovEntry[] =>
    [...side.entries()]
      .filter(([, v]) => v.orders > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency_code, v]) => ({ currency_code, amount: Math.round((v.revenue / v.orders) * 100) / 100, orders: v.orders }))

  const coverage = await coverageOf(db, from, to, query.placement)

  const runIds = [...perModel.keys()]
  const runs: Array<{ id: string; model_kind: string; algorithm: string }> =
    runIds.length > 0
      ? await db.query(`SELECT id::text AS id, model_kind, algorithm FROM "reco_model_run" WHERE id::text = ANY($1::text[])`, [runIds])
      : []
  const runById = new Map(runs.map((r) => [r.id, r]))

  const kpiOrders = attributedOrders(total.attributed_orders)
  return {
    from,
    to,
    kpis: {
      served: total.served,
      impressions: total.impressions,
      clicks: total.clicks,
      ctr: rate(total.clicks, total.impressions),
      add_to_carts: total.add_to_carts,
      add_to_cart_rate: rate(total.add_to_carts, total.clicks),
      attributed_orders: kpiOrders,
      attributed_items: total.attributed_items,
      conversion_rate: rate(kpiOrders, total.clicks),
      attributed_revenue: revenue.list(),
      aov_with_recommendations: aovList(aov.with),
      aov_without_recommendations: aovList(aov.without),
      coverage,
    },
    series: daysBetween(from, to).map((day) => {
      const c = perDay.get(day) ?? emptyCounters()
      return {
        day,
        served: c.served,
        impressions: c.impressions,
        clicks: c.clicks,
        add_to_carts: c.add_to_carts,
        attributed_orders: attributedOrders(c.attributed_orders, day),
        revenue: revenuePerDay.get(day)?.list() ?? [],
      }
    }),
    by_placement: [...perPlacement.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([placement, c]) => ({
        placement,
        served: c.served,
        impressions: c.impressions,
        clicks: c.clicks,
        ctr: rate(c.clicks, c.impressions),
        add_to_carts: c.add_to_carts,
        add_to_cart_rate: rate(c.add_to_carts, c.clicks),
        attributed_orders: c.attributed_orders,
        conversion_rate: rate(c.attributed_orders, c.clicks),
        revenue: revenuePerPlacement.get(placement)?.list() ?? [],
      })),
    by_model: [...perModel.entries()]
      .sort(([a, x], [b, y]) => y.served - x.served || a.localeCompare(b))
      .map(([id, c]) => ({
        model_run_id: id,
        model_kind: runById.get(id)?.model_kind ?? null,
        algorithm: runById.get(id)?.algorithm ?? null,
        served: c.served,
        impressions: c.impressions,
        clicks: c.clicks,
        ctr: rate(c.clicks, c.impressions),
        attributed_orders: c.attributed_orders,
        conversion_rate: rate(c.attributed_orders, c.clicks),
        revenue: revenuePerModel.get(id)?.list() ?? [],
      })),
  }
}

/** Distinct recommended products (still published in the catalogue mirror) over the catalogue. */
async function coverageOf(db: Db, from: string, to: string, placement?: string) {
  const params: unknown[] = [from, to]
  if (placement) params.push(placement)
  const [recommended]: Array<{ n: string }> = await db.query(
    `SELECT count(DISTINCT c.product_id) AS n
       FROM "reco_coverage_daily" c
       JOIN "reco_product" p ON p.product_id = c.product_id AND NOT p.deleted AND p.status = 'published'
      WHERE c.day BETWEEN $1::date AND $2::date${placement ? " AND c.placement = $3" : ""}`,
    params
  )
  const [catalog]: Array<{ n: string }> = await db.query(
    `SELECT count(*) AS n FROM "reco_product" WHERE NOT deleted AND status = 'published'`
  )
  const recommendedProducts = Number(recommended?.n ?? 0)
  const catalogProducts = Number(catalog?.n ?? 0)
  return { recommended_products: recommendedProducts, catalog_products: catalogProducts, share: rate(recommendedProducts, catalogProducts) }
}

export type OrderAttributionLine = {
  line_item_id: string
  product_id: string
  product_title: string | null
  quantity: number
  returned_quantity: number
  revenue: number
  currency_code: string
  recommendation_id: string | null
  placement: string
  model_run_id: string | null
  experiment_id: string | null
  arm: string | null
  touch: "click" | "impression"
  touched_at: string
  status: "active" | "canceled" | "returned"
}

/**
 * GET /admin/recommendations/orders/:id/attribution: each attributed line with the
 * recommendation that earned it; totals per currency are what still counts (net of returns and
 * cancels).
 */
export async function orderAttribution(db: Db, orderId: string): Promise<{ attributions: OrderAttributionLine[]; totals: Money[] }> {
  const rows: Array<{
    line_item_id: string
    product_id: string
    product_title: string | null
    quantity: number
    returned_quantity: number
    revenue: string
    reversed_revenue: string
    currency_code: string
    recommendation_id: string | null
    placement: string
    model_run_id: string | null
    experiment_id: string | null
    arm: string | null
    touch: "click" | "impression"
    touched_at: Date
    status: "active" | "canceled" | "returned"
  }> = await db.query(
    `SELECT a.line_item_id, a.product_id, p.title AS product_title, a.quantity, a.returned_quantity, a.revenue, a.reversed_revenue,
            a.currency_code, a.recommendation_id, a.placement, a.model_run_id::text AS model_run_id, a.experiment_id, a.arm,
            a.touch, a.touched_at, a.status
       FROM "reco_attribution" a
       LEFT JOIN "reco_product" p ON p.product_id = a.product_id
      WHERE a.order_id = $1
      ORDER BY a.line_item_id`,
    [orderId]
  )
  const totals = new MoneyBag()
  for (const r of rows) totals.add(r.currency_code, Number(r.revenue) - Number(r.reversed_revenue))
  return {
    attributions: rows.map((r) => ({
      line_item_id: r.line_item_id,
      product_id: r.product_id,
      product_title: r.product_title,
      quantity: r.quantity,
      returned_quantity: r.returned_quantity,
      revenue: Number(r.revenue),
      currency_code: r.currency_code,
      recommendation_id: r.recommendation_id,
      placement: r.placement,
      model_run_id: r.model_run_id,
      experiment_id: r.experiment_id,
      arm: r.arm,
      touch: r.touch,
      touched_at: new Date(r.touched_at).toISOString(),
      status: r.status,
    })),
    totals: totals.list(),
  }
}
