import { MlDataError } from "../errors"
import type { TabularSchema } from "./tabular-encoder"

/** The behaviour events a store records (same names as the plugin's event types). */
export type SessionEventType = "view" | "search" | "impression" | "click" | "cart_add" | "cart_remove" | "purchase"

export type SessionEvent = {
  type: SessionEventType
  productId?: string | null
  occurredAt: Date
}

/**
 * What a store can compute about a live session. Unlike the UCI data there are no page values
 * or page-category durations: only counts, the session's length and the visit context.
 */
export type SessionFeatures = {
  view_count: number
  distinct_products_viewed: number
  search_count: number
  click_count: number
  cart_add_count: number
  cart_remove_count: number
  duration_seconds: number
  /** 0 for a first visit (then is_returning is false). */
  seconds_since_previous_visit: number
  is_returning: boolean
  weekend: boolean
  month: string
}

/** Counts and durations are heavy-tailed, hence log1p before standardising. */
export const SESSION_INTENT_SCHEMA: TabularSchema = {
  numeric: [
    { name: "view_count", transform: "log1p" },
    { name: "distinct_products_viewed", transform: "log1p" },
    { name: "search_count", transform: "log1p" },
    { name: "click_count", transform: "log1p" },
    { name: "cart_add_count", transform: "log1p" },
    { name: "cart_remove_count", transform: "log1p" },
    { name: "duration_seconds", transform: "log1p" },
    { name: "seconds_since_previous_visit", transform: "log1p" },
  ],
  categorical: [{ name: "is_returning" }, { name: "weekend" }, { name: "month" }],
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const

export type SessionContext = {
  /** When this shopper's previous session started, if any. */
  previousVisitAt?: Date | null
  /** Minutes east of UTC of the store, so "weekend" and "month" are the shopper's local ones. */
  utcOffsetMinutes?: number
}

/** Features of one session from its events (any order). Purchases are ignored: they are the label. */
export function extractSessionFeatures(events: readonly SessionEvent[], context: SessionContext = {}): SessionFeatures {
  if (events.length === 0) throw new MlDataError("a session needs at least one event")
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  const counts: Record<SessionEventType, number> = {
    view: 0,
    search: 0,
    impression: 0,
    click: 0,
    cart_add: 0,
    cart_remove: 0,
    purchase: 0,
  }
  const viewed = new Set<string>()
  for (const e of events) {
    const t = e.occurredAt.getTime()
    if (!Number.isFinite(t)) throw new MlDataError("session event has an invalid occurredAt")
    first = Math.min(first, t)
    last = Math.max(last, t)
    counts[e.type]++
    if (e.type === "view" && e.productId) viewed.add(e.productId)
  }
  const local = new Date(first + (context.utcOffsetMinutes ?? 0) * 60_000)
  const day = local.getUTCDay()
  const previous = context.previousVisitAt?.getTime()
  const returning = previous !== undefined && Number.isFinite(previous) && previous < first
  return {
    view_count: counts.view,
    distinct_products_viewed: viewed.size,
    search_count: counts.search,
    click_count: counts.click,
    cart_add_count: counts.cart_add,
    cart_remove_count: counts.cart_remove,
    duration_seconds: (last - first) / 1000,
    seconds_since_previous_visit: returning ? (first - previous) / 1000 : 0,
    is_returning: returning,
    weekend: day === 0 || day === 6,
    month: MONTHS[local.getUTCMonth()]!,
  }
}

/**
 * A training example from a finished session: features from the events before the first
 * purchase (so the label does not leak into its own features), label = whether it purchased.
 */
export function labelledSession(
  events: readonly SessionEvent[],
  context: SessionContext = {}
): { features: SessionFeatures; purchased: boolean } | null {
  const firstPurchase = events
    .filter((e) => e.type === "purchase")
    .reduce((min, e) => Math.min(min, e.occurredAt.getTime()), Number.POSITIVE_INFINITY)
  const before = events.filter((e) => e.type !== "purchase" && e.occurredAt.getTime() <= firstPurchase)
  if (before.length === 0) return null
  return { features: extractSessionFeatures(before, context), purchased: Number.isFinite(firstPurchase) }
}
