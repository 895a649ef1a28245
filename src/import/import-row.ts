import { createHash } from "node:crypto"
import { z } from "zod"
import { ANONYMOUS_ID_PATTERN } from "../capture/actor"
import { parseIsoWithZone } from "../capture/iso-time"
import { ACTOR_TYPES, EVENT_TYPES } from "../store/event-types"
import type { NewEvent } from "../store/new-event"

/** The documented CSV columns of `medusa-reco import`, in order. */
export const IMPORT_COLUMNS = [
  "type",
  "actor_type",
  "actor_id",
  "product_id",
  "variant_id",
  "quantity",
  "unit_price",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "query",
  "placement",
  "order_id",
  "occurred_at",
  "idempotency_key",
] as const

const reference = z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, "must be 1-64 letters, digits, '_', ':', '.' or '-'")
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v)
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional())

const importRowSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    actor_type: z.enum(ACTOR_TYPES),
    actor_id: z.string().min(1).max(128),
    product_id: optional(reference),
    variant_id: optional(reference),
    quantity: optional(z.coerce.number().int().min(1).max(100_000)),
    unit_price: optional(z.coerce.number().min(0).max(1e12)),
    currency_code: optional(z.string().regex(/^[A-Za-z]{3}$/, "must be a 3-letter ISO 4217 code")),
    region_id: optional(reference),
    sales_channel_id: optional(reference),
    query: optional(z.string().trim().min(1).max(500)),
    placement: optional(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "must be a lowercase placement name")),
    order_id: optional(reference),
    occurred_at: z
      .string()
      .refine((t) => parseIsoWithZone(t) !== null, "must be a real ISO 8601 time with a zone, e.g. 2025-03-01T12:00:00Z"),
    idempotency_key: optional(z.string().regex(/^[A-Za-z0-9_:.-]{1,150}$/, "must be 1-150 letters, digits, '_', ':', '.' or '-'")),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.type !== "search" && !row.product_id) {
      ctx.addIssue({ code: "custom", path: ["product_id"], message: `required for ${row.type} rows` })
    }
    if (row.type === "search" && !row.query) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "required for search rows" })
    }
    if (row.actor_type === "anonymous" && !ANONYMOUS_ID_PATTERN.test(row.actor_id)) {
      ctx.addIssue({ code: "custom", path: ["actor_id"], message: "anonymous ids are 8-64 letters, digits, '_' or '-'" })
    }
    if (row.unit_price !== undefined && !row.currency_code) {
      ctx.addIssue({ code: "custom", path: ["currency_code"], message: "required when unit_price is given" })
    }
    const at = parseIsoWithZone(row.occurred_at)?.getTime()
    if (at !== undefined && at > Date.now() + 5 * 60_000) {
      ctx.addIssue({ code: "custom", path: ["occurred_at"], message: "is in the future" })
    }
  })

export type ImportRowResult = { ok: true; event: NewEvent } | { ok: false; reason: string }

/**
 * Validates one CSV record (column name -> text) and turns it into an event. Without an
 * idempotency key the row's content is hashed into one, so importing a file twice stores it once.
 */
export function parseImportRow(record: Record<string, string>): ImportRowResult {
  const parsed = importRowSchema.safeParse(record)
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((i) =>
        i.code === "unrecognized_keys" ? `unknown column(s) ${i.keys.join(", ")}` : `${i.path.join(".")} ${i.message}`
      )
      .join("; ")
    return { ok: false, reason }
  }
  const row = parsed.data
  const key =
    row.idempotency_key ??
    createHash("sha256")
      .update(IMPORT_COLUMNS.map((c) => record[c] ?? "").join("\u001f"))
      .digest("hex")
      .slice(0, 40)
  return {
    ok: true,
    event: {
      type: row.type,
      actorType: row.actor_type,
      actorId: row.actor_id,
      source: "import",
      occurredAt: new Date(row.occurred_at),
      idempotencyKey: `import:${key}`,
      productId: row.product_id ?? null,
      variantId: row.variant_id ?? null,
      quantity: row.quantity ?? 1,
      unitPrice: row.unit_price ?? null,
      currencyCode: row.currency_code ?? null,
      regionId: row.region_id ?? null,
      salesChannelId: row.sales_channel_id ?? null,
      searchQuery: row.query ?? null,
      placement: row.placement ?? null,
      orderId: row.order_id ?? null,
    },
  }
}
