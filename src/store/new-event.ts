import type { ActorType, EventSource, EventType } from "./event-types"
import type { JsonObject } from "./json"

/** An event about to be written; every writer builds these and the event writer stores them. */
export type NewEvent = {
  type: EventType
  actorType: ActorType
  actorId: string
  source: EventSource
  occurredAt: Date
  idempotencyKey: string
  productId?: string | null
  variantId?: string | null
  quantity?: number
  unitPrice?: number | null
  currencyCode?: string | null
  regionId?: string | null
  salesChannelId?: string | null
  searchQuery?: string | null
  placement?: string | null
  recommendationId?: string | null
  position?: number | null
  orderId?: string | null
  lineItemId?: string | null
  cartId?: string | null
  metadata?: JsonObject | null
}
