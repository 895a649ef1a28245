import { LRUCache } from "lru-cache"

type Entry = { product: Record<string, unknown>; generation: number }

/**
 * Products as the store API returned them, per request context (fields, region pricing, tax
 * context, locale, sales channels), for a few seconds. Hydrating a product through Query costs
 * about as much as a GET /store/products call; recommendation lists repeat the same products
 * across shoppers, so a short-lived copy removes most of that cost. A product.updated seen by
 * this process evicts the product at once; stock and price-list changes wait out the TTL.
 */
export class ProductResponseCache {
  private readonly cache: LRUCache<string, Entry>
  private readonly generations = new Map<string, number>()

  constructor(
    private readonly ttlMs: number,
    maxEntries = 20_000
  ) {
    this.cache = new LRUCache({ max: maxEntries, ttl: Math.max(1, ttlMs) })
  }

  get enabled(): boolean {
    return this.ttlMs > 0
  }

  lookup(contextKey: string, ids: string[]): { found: Map<string, Record<string, unknown>>; missing: string[] } {
    const found = new Map<string, Record<string, unknown>>()
    const missing: string[] = []
    for (const id of ids) {
      const entry = this.enabled ? this.cache.get(`${id}|${contextKey}`) : undefined
      if (entry && entry.generation === (this.generations.get(id) ?? 0)) found.set(id, entry.product)
      else missing.push(id)
    }
    return { found, missing }
  }

  store(contextKey: string, products: Array<Record<string, unknown> & { id: string }>): void {
    if (!this.enabled) return
    for (const product of products) {
      // Jittered (75-125% of the TTL), so a list hydrated in one burst does not expire in one
      // burst and make every request in flight rebuild it at once (seen as p99 spikes in bench:serve).
      const ttl = Math.max(1, Math.round(this.ttlMs * (0.75 + Math.random() * 0.5)))
      this.cache.set(`${product.id}|${contextKey}`, { product, generation: this.generations.get(product.id) ?? 0 }, { ttl })
    }
  }

  evict(productIds: string[]): void {
    for (const id of productIds) this.generations.set(id, (this.generations.get(id) ?? 0) + 1)
  }
}
