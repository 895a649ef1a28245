import type { DataSource } from "typeorm"

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
  private products: Map<string, CatalogProduct> | null = null
  private loadedAt = 0
  private loading: Promise<Map<string, CatalogProduct>> | null = null

  constructor(private readonly dataSource: DataSource) {}

  async snapshot(): Promise<Map<string, CatalogProduct>> {
    if (this.products && Date.now() - this.loadedAt < MAX_AGE_MS) return this.products
    this.loading ??= this.load().finally(() => {
      this.loading = null
    })
    // A stale snapshot is served while the new one loads, except on the first call.
    return this.products ?? this.loading
  }

  invalidate(): void {
    this.loadedAt = 0
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
    const products = new Map(
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
    this.products = products
    this.loadedAt = Date.now()
    return products
  }
}
