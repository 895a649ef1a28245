import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"

/** Admin list pagination: limit 1-100 (default 20) and offset. */
export const adminPagination = {
  limit: z.coerce.number().int().min(1, "limit must be 1 to 100").max(100, "limit must be 1 to 100").default(20),
  offset: z.coerce.number().int().min(0, "offset must be 0 or more").default(0),
}

/** Query config for validateAndTransformQuery on admin routes that answer plain JSON (no Query fields). */
export const plainListQueryConfig = { defaults: [] as string[], isList: true, defaultLimit: 20 }
export const plainQueryConfig = { defaults: [] as string[], isList: false }

/** A Medusa id: a prefix, an underscore and a ULID-like body. */
export const medusaId = (field: string, prefix: string, what: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,60}$`), `${field} must be a ${what} id (${prefix}_…)`)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Plugin rows have uuid ids; anything else cannot exist, so it is a 404 before Postgres is
 * asked (which would refuse a malformed uuid with an error, not an empty answer).
 */
export function requireUuid(id: string, what: string): string {
  if (!UUID.test(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${what} with id ${id} was not found`)
  return id
}

/** Path ids of Medusa records: a malformed one is a 404 like an unknown one. */
export function requireMedusaId(id: string, prefix: string, what: string): string {
  if (!new RegExp(`^${prefix}_[A-Za-z0-9]{1,60}$`).test(id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${what} with id ${id} was not found`)
  }
  return id
}
