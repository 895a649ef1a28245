// Display helpers: numbers, rates, money per currency, dates.
import type { Money } from "./types"

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 })

export const formatInt = (value: number | null | undefined) => (value == null ? "–" : integer.format(value))

export const formatDecimal = (value: number | null | undefined, digits = 4) =>
  value == null || Number.isNaN(value)
    ? "–"
    : digits === 4
      ? decimal.format(value)
      : new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)

/** A 0..1 rate as a percentage. */
export const formatPercent = (value: number | null | undefined, digits = 1) =>
  value == null || Number.isNaN(value) ? "–" : `${(value * 100).toFixed(digits)}%`

/** A relative change (0.12 = +12%). */
export const formatLift = (value: number | null | undefined) =>
  value == null || Number.isNaN(value) ? "–" : `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`

export function formatAmount(amount: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount.toFixed(2)} ${currencyCode.toUpperCase()}`
  }
}

/** One line per currency (money is never summed across currencies). */
export const formatMoneyList = (money: Money[] | null | undefined) =>
  money && money.length ? money.map((m) => formatAmount(m.amount, m.currency_code)).join(" · ") : "–"

export function formatDate(value: string | null | undefined): string {
  if (!value) return "–"
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return date.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })
}

export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })
}

export function formatDuration(from: string | null, to: string | null): string {
  if (!from) return "–"
  const ms = (to ? new Date(to).getTime() : Date.now()) - new Date(from).getTime()
  if (!Number.isFinite(ms) || ms < 0) return "–"
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`
}

/** "for_you" -> "For you" */
export const humanize = (value: string) => {
  const text = value.replace(/_/g, " ")
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** YYYY-MM-DD (UTC) of today minus `days`. */
export function isoDay(daysAgo = 0): string {
  const date = new Date()
  date.setUTCDate(date.getUTCDate() - daysAgo)
  return date.toISOString().slice(0, 10)
}

/** A datetime-local input's value from an ISO string, and back. */
export function toLocalInput(value: string | null | undefined): string {
  if (!value) return ""
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ""
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
