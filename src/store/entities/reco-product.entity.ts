import { Column, Entity, PrimaryColumn } from "typeorm"
import type { JsonObject } from "../json"

/**
 * The product features the learning side needs, mirrored from Medusa by the product
 * subscribers (through Query), so workers can train without booting Medusa.
 */
@Entity({ name: "reco_product" })
export class RecoProduct {
  @PrimaryColumn({ name: "product_id", type: "varchar", length: 64 })
  productId!: string

  @Column({ type: "text" })
  title!: string

  @Column({ type: "varchar", length: 255, nullable: true })
  handle!: string | null

  @Column({ type: "varchar", length: 16 })
  status!: string

  @Column({ type: "text", nullable: true })
  description!: string | null

  @Column({ name: "type_id", type: "varchar", length: 64, nullable: true })
  typeId!: string | null

  @Column({ name: "collection_id", type: "varchar", length: 64, nullable: true })
  collectionId!: string | null

  @Column({ name: "category_ids", type: "jsonb", default: () => "'[]'::jsonb" })
  categoryIds!: string[]

  @Column({ name: "tag_ids", type: "jsonb", default: () => "'[]'::jsonb" })
  tagIds!: string[]

  @Column({ name: "sales_channel_ids", type: "jsonb", default: () => "'[]'::jsonb" })
  salesChannelIds!: string[]

  /** Lowest variant price per currency code, in major units. */
  @Column({ type: "jsonb", default: () => "'{}'::jsonb" })
  prices!: JsonObject

  @Column({ name: "created_at", type: "timestamptz", nullable: true })
  createdAt!: Date | null

  @Column({ type: "boolean", default: false })
  deleted!: boolean

  @Column({ name: "synced_at", type: "timestamptz", default: () => "now()" })
  syncedAt!: Date
}
