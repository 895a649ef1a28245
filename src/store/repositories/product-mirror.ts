import type { DataSource } from "typeorm"
import { RecoProduct } from "../entities"

/** Inserts or refreshes mirror rows. */
export async function upsertProducts(dataSource: DataSource, rows: Array<Omit<RecoProduct, "syncedAt">>): Promise<void> {
  if (rows.length === 0) return
  await dataSource
    .getRepository(RecoProduct)
    .upsert(rows.map((r) => ({ ...r, syncedAt: new Date() })), ["productId"])
}

/** Products Medusa no longer has stay mirrored (history refers to them) but are never recommended. */
export async function markProductsDeleted(dataSource: DataSource, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return
  await dataSource
    .createQueryBuilder()
    .update(RecoProduct)
    .set({ deleted: true, syncedAt: new Date() })
    .where("product_id IN (:...productIds)", { productIds })
    .execute()
}
