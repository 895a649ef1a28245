import { z } from "@medusajs/framework/zod"
import { STOREFRONT_EVENT_TYPES } from "../../../../store/event-types"

/** Medusa-style ids and other opaque references: short, printable, no spaces. */
const reference = z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, "must be 1-64 letters, digits, '_', ':', '.' or '-'")

export const MAX_EVENTS_PER_BATCH = 500

export const StorefrontEvent = z
  .object({
    type: z.enum(STOREFRONT_EVENT_TYPES),
    product_id: reference.optional(),
    variant_id: reference.optional(),
    /** The search text (search events; optional on clicks from a search results page). */
    query: z.string().trim().min(1).max(500).optional(),
    placement: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,31}$/, "must be a lowercase placement name such as for_you")
      .optional(),
    recommendation_id: reference.optional(),
    position: z.number().int().min(0).max(1000).optional(),
    region_id: reference.optional(),
    sales_channel_id: reference.optional(),
    /** When it happened on the client, ISO 8601 with a time zone; defaults to arrival time. */
    occurred_at: z.string().optional(),
    /** Client-chosen key; a retried batch with the same keys is stored once. */
    idempotency_key: z
      .string()
      .regex(/^[A-Za-z0-9_:.-]{8,128}$/, "must be 8-128 letters, digits, '_', ':', '.' or '-'")
      .optional(),
    metadata: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.type !== "search" && !event.product_id) {
      ctx.addIssue({ code: "custom", path: ["product_id"], message: `a ${event.type} event needs product_id` })
    }
    if (event.type === "search" && !event.query) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "a search event needs query" })
    }
    if (event.variant_id && !event.product_id) {
      ctx.addIssue({ code: "custom", path: ["product_id"], message: "variant_id needs its product_id" })
    }
  })

export const StoreRecordEvents = z
  .object({
    events: z.array(StorefrontEvent).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .strict()

export type StorefrontEventInput = z.infer<typeof StorefrontEvent>
export type StoreRecordEventsInput = z.infer<typeof StoreRecordEvents>
