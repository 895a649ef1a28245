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
  /** Bumped by invalidate(); a snapshot loaded under an older version is not served as current. */
  private version = 0
  private loadedVersion = -1
  private loading: { version: number; promise: Promise<Map<string, CatalogProduct>> } | null = null

  constructor(private readonly dataSource: DataSource) {}

  async snapshot(): Promise<Map<string, CatalogProduct>> {
    const current = this.products !== null && this.loadedVersion === this.version
    if (current && Date.now() - this.loadedAt < MAX_AGE_MS) return this.products!
    if (!this.loading || this.loading.version !== this.version) {
      const version = this.version
      const promise = this.load(version).finally(() => {
        if (this.loading?.promise === promise) this.loading = null
      })
      this.loading = { version, promise }
    }
    // A snapshot that is only old is served while the new one loads; after an invalidation
    // (a change this process knows of) or on the first call, the caller waits for fresh data.
    return current ? this.products! : this.loading.promise
  }

  invalidate(): void {
    this.version++
  }

  private async load(version: number): Promise<Map<string, CatalogProduct>> {
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
    // A slower load started before a newer one must not overwrite it.
    if (version >= this.loadedVersion) {
      this.products = products
      this.loadedAt = Date.now()
      this.loadedVersion = version
    }
    return products
  }
}
