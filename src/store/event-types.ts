/** Behaviour the plugin records. Storefront-sent types are a subset (see STOREFRONT_EVENT_TYPES). */
export const EVENT_TYPES = [
  "view",
  "search",
  "impression",
  "click",
  "cart_add",
  "cart_remove",
  "purchase",
] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** Types a storefront may send; cart and purchase events come only from Medusa's own events. */
export const STOREFRONT_EVENT_TYPES = ["view", "search", "impression", "click"] as const
export type StorefrontEventType = (typeof STOREFRONT_EVENT_TYPES)[number]

export const ACTOR_TYPES = ["customer", "anonymous"] as const
export type ActorType = (typeof ACTOR_TYPES)[number]

export const EVENT_SOURCES = ["storefront", "subscriber", "backfill", "import"] as const
export type EventSource = (typeof EVENT_SOURCES)[number]

/** A purchase stays "active" until its order is canceled or the item is returned. */
export const EVENT_STATUSES = ["active", "canceled", "returned"] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]
