import type { ActorType } from "../store/event-types"

export type Actor = { type: ActorType; id: string }

/** Anonymous ids are opaque tokens the plugin or the storefront generated. */
export const ANONYMOUS_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

/** Cart / order metadata key a storefront may set to tie a guest cart to its anonymous id. */
export const ANONYMOUS_ID_METADATA_KEY = "reco_anonymous_id"

/**
 * Medusa ids are never anonymous ids: histories are keyed by actor id, so accepting "cus_…" or
 * "cart_…" as an anonymous id would let anyone read a customer's or a guest cart's history.
 */
const MEDUSA_ID_PREFIX = /^(cus|cart|order)_/

export function isAnonymousId(value: unknown): value is string {
  return typeof value === "string" && ANONYMOUS_ID_PATTERN.test(value) && !MEDUSA_ID_PREFIX.test(value)
}

type OwnedByShopper = {
  id: string
  customer_id?: string | null
  metadata?: Record<string, unknown> | null
}

/** The anonymous id a storefront put in a cart's or order's metadata, if valid. */
export function anonymousIdOf(record: OwnedByShopper): string | null {
  const anonymous = record.metadata?.[ANONYMOUS_ID_METADATA_KEY]
  return isAnonymousId(anonymous) ? anonymous : null
}

/**
 * Who a cart or order belongs to: its customer; else the anonymous id the storefront put
 * in its metadata; else the cart or order id itself, so a guest's cart still forms a history.
 */
export function actorOf(record: OwnedByShopper): Actor {
  if (record.customer_id) {
    return { type: "customer", id: record.customer_id }
  }
  const anonymous = anonymousIdOf(record)
  return { type: "anonymous", id: anonymous ?? record.id }
}
