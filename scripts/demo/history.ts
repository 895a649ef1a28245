/**
 * Simulated history for the import path: several weeks of sessions (impressions, clicks,
 * searches, views, cart adds and removes, purchases) by the same shoppers with the same tastes
 * as the live simulation, plus history-only visitors, written as the CSV that
 * `medusa-reco import` reads. Weekly and daily rhythms and slow growth make it look like a shop.
 */
import { createWriteStream } from "node:fs"
import { once } from "node:events"
import { IMPORT_COLUMNS } from "../../src/import/import-row"
import { Rng } from "./prng"
import {
  buyableVariant,
  type CatalogProduct,
  pickComplement,
  pickProduct,
  recommendationList,
  searchQuery,
  type Shopper,
  type World,
} from "./world"

/** The plugin's own column list: the demo writes exactly what `medusa-reco import` reads. */
export const IMPORT_HEADER = IMPORT_COLUMNS

type Column = (typeof IMPORT_HEADER)[number]
export type HistoryRow = Partial<Record<Column, string | number>> & { type: string; occurred_at: string }

export type HistoryOptions = {
  seed: number
  days: number
  /** Last moment of history (the live simulation starts after it). */
  end: Date
  /** Sessions on an average day at the end of the period. */
  sessionsPerDay: number
  salesChannelId: string | null
  file: string
}

export type HistorySummary = { rows: number; sessions: number; orders: number; byType: Record<string, number>; from: Date; to: Date }

function csvField(value: string | number | undefined): string {
  if (value === undefined) return ""
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Hour-of-day weights (UTC-ish): quiet nights, a lunch bump, a strong evening. */
const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 3.5, 4, 4.5, 5.5, 5, 4.5, 4.5, 5, 5.5, 6.5, 8, 9, 8, 5, 2.5]
/** Sunday .. Saturday. */
const WEEKDAY_WEIGHTS = [1.3, 0.9, 0.9, 0.95, 1, 1.1, 1.25]

export async function writeHistoryCsv(
  world: World,
  shoppers: Shopper[],
  /** anonymous id -> Medusa customer id, for shoppers who registered. */
  customerIds: Map<string, string>,
  options: HistoryOptions
): Promise<HistorySummary> {
  const rng = new Rng(`history:${options.seed}`)
  const out = createWriteStream(options.file, { encoding: "utf8" })
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, "drain")
  }
  await write(`${IMPORT_HEADER.join(",")}\n`)

  const summary: HistorySummary = { rows: 0, sessions: 0, orders: 0, byType: {}, from: options.end, to: options.end }
  const endMs = options.end.getTime()
  const startMs = endMs - options.days * 86_400_000
  summary.from = new Date(startMs)
  const weights = shoppers.map((s) => s.activity)

  for (let day = 0; day < options.days; day++) {
    const dayStart = startMs + day * 86_400_000
    const date = new Date(dayStart)
    const growth = 0.65 + 0.35 * (day / Math.max(1, options.days - 1))
    const sessions = Math.round(options.sessionsPerDay * growth * WEEKDAY_WEIGHTS[date.getUTCDay()]! * (0.85 + rng.next() * 0.3))
    const starts: number[] = []
    for (let i = 0; i < sessions; i++) {
      const hour = rng.weightedIndex(HOUR_WEIGHTS)
      const at = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour, rng.int(0, 59), rng.int(0, 59))
      if (at >= startMs && at < endMs - 3_600_000) starts.push(at)
    }
    starts.sort((a, b) => a - b)
    for (const at of starts) {
      const shopper = shoppers[rng.weightedIndex(weights)]!
      const sessionNo = summary.sessions++
      const rows = historySession(world, shopper, customerIds.get(shopper.anonymousId) ?? null, rng.fork(sessionNo), at, sessionNo, options)
      for (const row of rows) {
        summary.rows += 1
        summary.byType[row.type] = (summary.byType[row.type] ?? 0) + 1
        if (row.type === "purchase" && row.idempotency_key && String(row.idempotency_key).endsWith("-0")) summary.orders += 1
        await write(`${IMPORT_HEADER.map((c) => csvField(row[c])).join(",")}\n`)
      }
    }
  }
  out.end()
  await once(out, "finish")
  return summary
}

function historySession(
  world: World,
  shopper: Shopper,
  customerId: string | null,
  rng: Rng,
  startMs: number,
  sessionNo: number,
  options: HistoryOptions
): HistoryRow[] {
  const rows: HistoryRow[] = []
  let clock = startMs
  let n = 0
  const actor = customerId
    ? { actor_type: "customer", actor_id: customerId }
    : { actor_type: "anonymous", actor_id: shopper.anonymousId }
  const region = shopper.region
  const base = { ...actor, region_id: region.id, sales_channel_id: options.salesChannelId ?? undefined }
  const add = (row: Omit<HistoryRow, "occurred_at">) => {
    clock += rng.int(4, 90) * 1000
    rows.push({
      ...base,
      ...row,
      occurred_at: new Date(clock).toISOString(),
      idempotency_key: `demo-hist-${options.seed}-${sessionNo}-${n++}`,
    })
  }

  const viewed: CatalogProduct[] = []
  const placement = customerId ? "for_you" : "home"
  recommendationList(world, shopper, rng, 8).forEach((p) => {
    add({ type: "impression", product_id: p.id, placement })
    if (rng.chance((shopper.tastes.get(p.category) ?? 0) > 1 ? 0.3 : 0.04)) {
      add({ type: "click", product_id: p.id, placement })
      add({ type: "view", product_id: p.id })
      viewed.push(p)
    }
  })
  if (rng.chance(0.45)) {
    const { query, category } = searchQuery(world, shopper, rng)
    add({ type: "search", query })
    const results = (world.byCategory.get(category) ?? []).slice().sort((a, b) => b.popularity - a.popularity).slice(0, 6)
    if (results.length && rng.chance(0.7)) {
      const p = results[Math.min(results.length - 1, Math.floor(Math.pow(rng.next(), 2) * results.length))]!
      add({ type: "click", product_id: p.id, placement: "search", query })
      add({ type: "view", product_id: p.id })
      viewed.push(p)
    }
  }
  for (let i = rng.int(1, 5); i > 0; i--) {
    const p = pickProduct(world, shopper, rng)
    add({ type: "view", product_id: p.id })
    viewed.push(p)
  }

  // About a third of sessions put something in the cart; about half of those buy.
  if (!rng.chance(0.2 + 0.12 * shopper.activity)) return rows
  const first = rng.pick(viewed)
  const wanted = [first]
  if (rng.chance(0.45)) wanted.push(pickComplement(world, first, rng))
  if (rng.chance(0.25)) wanted.push(pickProduct(world, shopper, rng))
  const lines: Array<{ product: CatalogProduct; variantId: string; quantity: number; price: number | undefined }> = []
  for (const product of wanted) {
    const variant = buyableVariant(product, rng)
    if (!variant) continue
    if (product !== first) add({ type: "view", product_id: product.id })
    const quantity = rng.chance(0.15) ? 2 : 1
    const price = variant.prices[region.currency]
    add({
      type: "cart_add",
      product_id: product.id,
      variant_id: variant.id,
      quantity,
      unit_price: price,
      currency_code: price === undefined ? undefined : region.currency,
    })
    lines.push({ product, variantId: variant.id, quantity, price })
  }
  if (lines.length > 1 && rng.chance(0.35)) {
    const [removed] = lines.splice(rng.int(0, lines.length - 1), 1)
    add({
      type: "cart_remove",
      product_id: removed!.product.id,
      variant_id: removed!.variantId,
      quantity: removed!.quantity,
      unit_price: removed!.price,
      currency_code: removed!.price === undefined ? undefined : region.currency,
    })
  }
  if (lines.length === 0 || !rng.chance(0.5)) return rows

  const orderId = `demo_hist_order_${options.seed}_${sessionNo}`
  const purchaseAt = clock + rng.int(60, 600) * 1000
  lines.forEach((line, i) => {
    rows.push({
      ...base,
      type: "purchase",
      product_id: line.product.id,
      variant_id: line.variantId,
      quantity: line.quantity,
      unit_price: line.price,
      currency_code: line.price === undefined ? undefined : region.currency,
      order_id: orderId,
      occurred_at: new Date(purchaseAt).toISOString(),
      idempotency_key: `demo-hist-${options.seed}-${sessionNo}-purchase-${i}`,
    })
  })
  return rows
}
