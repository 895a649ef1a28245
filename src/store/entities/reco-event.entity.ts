import { Column, Entity, PrimaryGeneratedColumn } from "typeorm"
import type { ActorType, EventSource, EventStatus, EventType } from "../event-types"
import type { JsonObject } from "../json"

/**
 * One observed behaviour. Written before any acknowledgement; the unique
 * idempotency key makes every writer (API, subscribers, backfill, import) replay-safe.
 * Indexes live in the migration, where their partial predicates can be expressed.
 */
@Entity({ name: "reco_event" })
export class RecoEvent {
  @PrimaryGeneratedColumn("uuid")
  id!: string

  @Column({ type: "varchar", length: 16 })
  type!: EventType

  @Column({ name: "actor_type", type: "varchar", length: 16 })
  actorType!: ActorType

  @Column({ name: "actor_id", type: "varchar", length: 128 })
  actorId!: string

  @Column({ name: "product_id", type: "varchar", length: 64, nullable: true })
  productId!: string | null

  @Column({ name: "variant_id", type: "varchar", length: 64, nullable: true })
  variantId!: string | null

  @Column({ type: "integer", default: 1 })
  quantity!: number

  /** Major units as Medusa stores them (e.g. 12.5 EUR). numeric keeps it exact; read back as string. */
  @Column({ name: "unit_price", type: "numeric", precision: 20, scale: 6, nullable: true })
  unitPrice!: string | null

  @Column({ name: "currency_code", type: "varchar", length: 3, nullable: true })
  currencyCode!: string | null

  @Column({ name: "region_id", type: "varchar", length: 64, nullable: true })
  regionId!: string | null

  @Column({ name: "sales_channel_id", type: "varchar", length: 64, nullable: true })
  salesChannelId!: string | null

  @Column({ name: "search_query", type: "text", nullable: true })
  searchQuery!: string | null

  @Column({ type: "varchar", length: 32, nullable: true })
  placement!: string | null

  @Column({ name: "recommendation_id", type: "varchar", length: 64, nullable: true })
  recommendationId!: string | null

  /** Zero-based slot of an impression or click inside a list. */
  @Column({ type: "integer", nullable: true })
  position!: number | null

  @Column({ name: "order_id", type: "varchar", length: 64, nullable: true })
  orderId!: string | null

  @Column({ name: "line_item_id", type: "varchar", length: 64, nullable: true })
  lineItemId!: string | null

  @Column({ name: "cart_id", type: "varchar", length: 64, nullable: true })
  cartId!: string | null

  @Column({ type: "varchar", length: 16 })
  source!: EventSource

  @Column({ type: "varchar", length: 16, default: "active" })
  status!: EventStatus

  @Column({ name: "occurred_at", type: "timestamptz" })
  occurredAt!: Date

  @Column({ name: "received_at", type: "timestamptz", default: () => "now()" })
  receivedAt!: Date

  @Column({ name: "idempotency_key", type: "varchar", length: 200, unique: true })
  idempotencyKey!: string

  @Column({ type: "jsonb", nullable: true })
  metadata!: JsonObject | null
}
