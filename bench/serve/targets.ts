/**
 * What is requested: the publishable key and region of the seeded store, the shoppers that have a
 * materialised for-you list, the products that have neighbours, and the rotation of each endpoint.
 * Every rotated request is sent once before any load, and must answer 200 with the expected body.
 */
import { ANONYMOUS_ID_PATTERN } from "../../src/capture/actor"
import { type Log, withDb } from "./app"
import type { BenchConfig } from "./config"

/** Medusa's default store product fields plus prices: the same for every endpoint. */
export const FIELDS = "*variants.calculated_price"
export const LIMIT = 12
const DEMO_KEY_TITLE = "Reco demo storefront"

export type Endpoint = "products" | "for_you" | "related"

export type RotatedRequest = { path: string; headers: Record<string, string> }

export type Target = {
  endpoint: Endpoint
  /** What the table shows, e.g. `GET /store/products?limit=12`. */
  label: string
  /** What rotates across requests, e.g. "157 offsets". */
  rotation: string
  requests: RotatedRequest[]
}

export type StoreFacts = {
  publishableKey: string
  regionId: string
  regionName: string
  currency: string
  productCount: number
  anonymousShoppers: string[]
  relatedProducts: string[]
  runs: Array<{ model_kind: string; algorithm: string; activated_at: Date | null }>
}

/** Sample spread over the whole id space, the same on every run: ORDER BY md5(id). */
export async function readStoreFacts(config: BenchConfig): Promise<StoreFacts> {
  return withDb(config.databaseUrl, async (db) => {
    const key = await db.query<{ token: string }>(
      `SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
        ORDER BY (title = $1) DESC, created_at LIMIT 1`,
      [DEMO_KEY_TITLE]
    )
    const region = await db.query<{ id: string; name: string; currency_code: string }>(
      "SELECT id, name, currency_code FROM region WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1"
    )
    const products = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM product WHERE deleted_at IS NULL AND status = 'published'"
    )
    // Customers would need a bearer token each; anonymous shoppers only need the header.
    const shoppers = await db.query<{ actor_id: string }>(
      `SELECT DISTINCT l.actor_id FROM reco_actor_list l
         JOIN reco_model_run r ON r.id = l.model_run_id AND r.is_active AND r.model_kind = 'for_you'
        WHERE NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = l.actor_id)`
    )
    const related = await db.query<{ product_id: string }>(
      `SELECT n.product_id FROM reco_item_neighbor n
         JOIN reco_model_run r ON r.id = n.model_run_id AND r.is_active
         JOIN product p ON p.id = n.product_id AND p.deleted_at IS NULL AND p.status = 'published'
        GROUP BY n.product_id ORDER BY md5(n.product_id) LIMIT $1`,
      [config.maxKeys]
    )
    const runs = await db.query<{ model_kind: string; algorithm: string; activated_at: Date | null }>(
      "SELECT model_kind, algorithm, activated_at FROM reco_model_run WHERE is_active ORDER BY model_kind"
    )
    if (!key.rows[0]) throw new Error(`no publishable API key in ${config.dbName}`)
    if (!region.rows[0]) throw new Error(`no region in ${config.dbName}`)
    const anonymous = shoppers.rows
      .map((r) => r.actor_id)
      .filter((id) => ANONYMOUS_ID_PATTERN.test(id))
      .sort((a, b) => hash(a) - hash(b) || (a < b ? -1 : 1))
      .slice(0, config.maxKeys)
    if (!anonymous.length) throw new Error(`no anonymous shopper with a materialised for_you list in ${config.dbName}`)
    if (!related.rows.length) throw new Error(`no product with neighbours in ${config.dbName}`)
    return {
      publishableKey: key.rows[0].token,
      regionId: region.rows[0].id,
      regionName: region.rows[0].name,
      currency: region.rows[0].currency_code,
      productCount: products.rows[0]!.n,
      anonymousShoppers: anonymous,
      relatedProducts: related.rows.map((r) => r.product_id),
      runs: runs.rows,
    }
  })
}

/** FNV-1a: a stable shuffle of the shoppers without asking Postgres to hash every actor. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

function query(params: Record<string, string | number>): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
}

/** The endpoints under test; `selfCheck` replaces both placements by /store/products itself. */
export function buildTargets(facts: StoreFacts, config: BenchConfig): Target[] {
  const base = { "x-publishable-api-key": facts.publishableKey }
  const common = { limit: LIMIT, region_id: facts.regionId, fields: FIELDS }

  // Pages of the catalogue: every offset that still fills a page, thinned to at most maxKeys.
  const lastOffset = Math.max(0, facts.productCount - LIMIT)
  const step = Math.max(1, Math.ceil((lastOffset + 1) / config.maxKeys))
  const offsets: number[] = []
  for (let o = 0; o <= lastOffset; o += step) offsets.push(o)
  const products: Target = {
    endpoint: "products",
    label: `GET /store/products?limit=${LIMIT}`,
    rotation: `${offsets.length} offsets`,
    requests: offsets.map((offset) => ({ path: `/store/products?${query({ ...common, offset })}`, headers: base })),
  }
  if (config.selfCheck) {
    return [
      products,
      { ...products, endpoint: "for_you", label: `${products.label} (self-check A)` },
      { ...products, endpoint: "related", label: `${products.label} (self-check B)` },
    ]
  }
  const forYou: Target = {
    endpoint: "for_you",
    label: `GET /store/recommendations?placement=for_you&limit=${LIMIT}`,
    rotation: `${facts.anonymousShoppers.length} anonymous shoppers`,
    requests: facts.anonymousShoppers.map((id) => ({
      path: `/store/recommendations?${query({ placement: "for_you", ...common })}`,
      headers: { ...base, "x-reco-anonymous-id": id },
    })),
  }
  const related: Target = {
    endpoint: "related",
    label: `GET /store/recommendations?placement=related&product_id=…&limit=${LIMIT}`,
    rotation: `${facts.relatedProducts.length} products`,
    requests: facts.relatedProducts.map((productId) => ({
      path: `/store/recommendations?${query({ placement: "related", product_id: productId, ...common })}`,
      headers: base,
    })),
  }
  return [products, forYou, related]
}

export type Validation = {
  endpoint: Endpoint
  requests: number
  /** Items per answer: min / mean / max. */
  items: { min: number; mean: number; max: number }
  /** Recommendations only: how many answers came from a fallback, by fallback name ("none" = the model). */
  fallbacks: Record<string, number>
  models: Record<string, number>
  /** The keys of the first product of the first non-empty answer, sorted. */
  productKeys: string[]
}

type ProductsBody = { products?: Array<Record<string, unknown>>; count?: number }
type RecoBody = {
  items?: Array<{ product?: Record<string, unknown> }>
  fallback?: string | null
  model?: { kind?: string; algorithm?: string } | null
}

/**
 * Sends every rotated request once (four at a time): each must answer 200 with a list. Also warms
 * every key of both sides the same way before the timed load.
 */
export async function validateTarget(serverUrl: string, target: Target, log: Log): Promise<Validation> {
  const counts: number[] = []
  const fallbacks: Record<string, number> = {}
  const models: Record<string, number> = {}
  let productKeys: string[] = []
  let next = 0
  const worker = async () => {
    while (next < target.requests.length) {
      const req = target.requests[next++]!
      const res = await fetch(serverUrl + req.path, { headers: req.headers })
      const text = await res.text()
      if (res.status !== 200) {
        throw new Error(`${target.endpoint}: GET ${req.path} answered ${res.status}: ${text.slice(0, 500)}`)
      }
      const body = JSON.parse(text) as ProductsBody & RecoBody
      const list = body.products ?? body.items?.map((i) => i.product ?? {})
      if (!Array.isArray(list)) throw new Error(`${target.endpoint}: GET ${req.path} answered 200 without products or items: ${text.slice(0, 300)}`)
      counts.push(list.length)
      if (body.items) {
        const fb = body.fallback ?? "none"
        fallbacks[fb] = (fallbacks[fb] ?? 0) + 1
        const model = body.model ? `${body.model.kind}/${body.model.algorithm}` : "none"
        models[model] = (models[model] ?? 0) + 1
      }
      if (!productKeys.length && list[0]) productKeys = Object.keys(list[0]).sort()
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  const sum = counts.reduce((a, b) => a + b, 0)
  const v: Validation = {
    endpoint: target.endpoint,
    requests: counts.length,
    items: { min: Math.min(...counts), mean: sum / counts.length, max: Math.max(...counts) },
    fallbacks,
    models,
    productKeys,
  }
  log(
    `${target.endpoint}: ${v.requests} rotated requests answer 200, ${v.items.min}-${v.items.max} items (mean ${v.items.mean.toFixed(1)})` +
      (Object.keys(fallbacks).length ? `; fallback ${JSON.stringify(fallbacks)}; model ${JSON.stringify(models)}` : "")
  )
  return v
}
