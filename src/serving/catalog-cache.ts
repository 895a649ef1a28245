import type { DataSource } from "typeorm"
import { ExpiringValue } from "./expiring-value"

export type CatalogProduct = {
  productId: string
  title: string
  status: string
  categoryIds: string[]
  collectionId: string | null
  salesChannelIds: string[]
}

const MAX_AGE_MS = 30_000

/**
 * The plugin's catalogue mirror (reco_product) in memory: titles for reasons, categories and
 * collections for rules and diversity, and a first cut on status and sales channel before
 * Medusa is asked (Medusa's answer is the authority; see product availability).
 */
export class CatalogCache {
  // A snapshot that is only old is served while the new one loads; after an invalidation
  // (a change this process knows of) or on the first call, the caller waits for fresh data.
  private readonly products: ExpiringValue<Map<string, CatalogProduct>>

  constructor(private readonly dataSource: DataSource) {
    this.products = new ExpiringValue(() => this.load(), MAX_AGE_MS, { serveStaleWhileLoading: true })
  }

  snapshot(): Promise<Map<string, CatalogProduct>> {
    return this.products.get()
  }

  invalidate(): void {
    this.products.invalidate()
  }

  private async load(): Promise<Map<string, CatalogProduct>> {
    const rows: Array<{
      product_id: string
      title: string
      status: string
      category_ids: string[]
      collection_id: string | null
      sales_channel_ids: string[]
    }> = await this.dataSource.query(
      `SELECT product_id, title, status, category_ids, collection_id, sales_channel_ids FROM reco_product WHERE NOT deleted`
    )
    return new Map(
      rows.map((r) => [
        r.product_id,
        {
          productId: r.product_id,
          title: r.title,
          status: r.status,
          categoryIds: r.category_ids ?? [],
          collectionId: r.collection_id,
          salesChannelIds: r.sales_channel_ids ?? [],
        },
      ])
    )
  }
}
