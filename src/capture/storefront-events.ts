import { randomUUID } from "node:crypto"
import type { StorefrontEventType } from "../store/event-types"
import type { NewEvent } from "../store/new-event"
import type { Actor } from "./actor"
import { parseIsoWithZone } from "./iso-time"

/** A storefront event after schema validation (see the route's validators). */
export type StorefrontEventFields = {
  type: StorefrontEventType
  product_id?: string
  variant_id?: string
  query?: string
  placement?: string
  recommendation_id?: string
  position?: number
  region_id?: string
  sales_channel_id?: string
  occurred_at?: string
  idempotency_key?: string
  metadata?: Record<string, string | number | boolean | null>
}

export type StorefrontContext = {
  actor: Actor
  now: Date
  maxAgeDays: number
  /** Sales channels of the publishable key the request used. */
  salesChannelIds: string[]
}

/** A storefront event that passed the schema but not the plugin's rules; names its position and field. */
export class InvalidEventError extends Error {
  override name = "InvalidEventError"
  constructor(
    readonly index: number,
    readonly field: string,
    detail: string
  ) {
    super(`events[${index}].${field}: ${detail}`)
  }
}

/** Client clocks drift; anything further ahead than this is a bad timestamp. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000

function occurredAt(event: StorefrontEventFields, index: number, ctx: StorefrontContext): Date {
  if (event.occurred_at === undefined) return ctx.now
  const parsed = parseIsoWithZone(event.occurred_at)
  if (!parsed) {
    throw new InvalidEventError(index, "occurred_at", `"${event.occurred_at}" is not an ISO 8601 time with a zone`)
  }
  if (parsed.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new InvalidEventError(index, "occurred_at", `${event.occurred_at} is in the future`)
  }
  if (parsed.getTime() < ctx.now.getTime() - ctx.maxAgeDays * 86_400_000) {
    throw new InvalidEventError(
      index,
      "occurred_at",
      `${event.occurred_at} is older than ${ctx.maxAgeDays} days; load history with "medusa-reco import"`
    )
  }
  return parsed
}

function salesChannel(event: StorefrontEventFields, index: number, ctx: StorefrontContext): string | null {
  if (event.sales_channel_id) {
    if (!ctx.salesChannelIds.includes(event.sales_channel_id)) {
      throw new InvalidEventError(
        index,
        "sales_channel_id",
        `${event.sales_channel_id} is not a sales channel of this publishable key`
      )
    }
    return event.sales_channel_id
  }
  return ctx.salesChannelIds.length === 1 ? ctx.salesChannelIds[0]! : null
}

/**
 * Turns a validated batch into rows. Idempotency keys are namespaced by actor so one
 * shopper can never claim (and so suppress) another shopper's keys.
 */
export function storefrontEventsToRows(events: StorefrontEventFields[], ctx: StorefrontContext): NewEvent[] {
  return events.map((event, index) => ({
    type: event.type,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    source: "storefront",
    occurredAt: occurredAt(event, index, ctx),
    idempotencyKey: `sf:${ctx.actor.id}:${event.idempotency_key ?? randomUUID()}`,
    productId: event.product_id ?? null,
    variantId: event.variant_id ?? null,
    quantity: 1,
    searchQuery: event.query ?? null,
    placement: event.placement ?? null,
    recommendationId: event.recommendation_id ?? null,
    position: event.position ?? null,
    regionId: event.region_id ?? null,
    salesChannelId: salesChannel(event, index, ctx),
    metadata: event.metadata ?? null,
  }))
}
