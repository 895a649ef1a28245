import type { SeriesPoint } from "../../lib/types"

export type DailyRow = {
  day: string
  served: number
  impressions: number
  clicks: number
  add_to_carts: number
  attributed_orders: number
  /** revenue per currency, keyed `rev_<code>` */
  [revenue: `rev_${string}`]: number
}

/** Every day from `from` to `to` (UTC), zero where the API has no row, revenue spread per currency. */
export function dailyRows(from: string, to: string, series: SeriesPoint[]): { rows: DailyRow[]; currencies: string[] } {
  const byDay = new Map(series.map((p) => [p.day, p]))
  const currencies = [...new Set(series.flatMap((p) => p.revenue.map((r) => r.currency_code)))].sort()
  const rows: DailyRow[] = []
  const end = new Date(`${to}T00:00:00Z`)
  for (let d = new Date(`${from}T00:00:00Z`); d <= end && rows.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10)
    const p = byDay.get(day)
    const row: DailyRow = {
      day,
      served: p?.served ?? 0,
      impressions: p?.impressions ?? 0,
      clicks: p?.clicks ?? 0,
      add_to_carts: p?.add_to_carts ?? 0,
      attributed_orders: p?.attributed_orders ?? 0,
    }
    for (const c of currencies) row[`rev_${c}`] = p?.revenue.find((r) => r.currency_code === c)?.amount ?? 0
    rows.push(row)
  }
  return { rows, currencies }
}
