import { Column, Entity, PrimaryGeneratedColumn } from "typeorm"
import type { ActorType } from "../event-types"

export const ATTRIBUTION_TOUCHES = ["click", "impression"] as const
export type AttributionTouch = (typeof ATTRIBUTION_TOUCHES)[number]

export const ATTRIBUTION_STATUSES = ["active", "canceled", "returned"] as const
export type AttributionStatus = (typeof ATTRIBUTION_STATUSES)[number]

/**
 * An order line earned by a recommendation: the latest click on the product by the same
 * shopper within the attribution window (else the latest time it was shown). One row per
 * (order, line item), so replaying order.placed never counts twice. Cancels and returns keep
 * the row and record what was reversed.
 */
@Entity({ name: "reco_attribution" })
export class RecoAttribution {
  @PrimaryGeneratedColumn("uuid")
  id!: string

  @Column({ name: "order_id", type: "varchar", length: 64 })
  orderId!: string

  @Column({ name: "line_item_id", type: "varchar", length: 64 })
  lineItemId!: string

  @Column({ name: "product_id", type: "varchar", length: 64 })
  productId!: string

  @Column({ name: "variant_id", type: "varchar", length: 64, nullable: true })
  variantId!: string | null

  @Column({ name: "actor_type", type: "varchar", length: 16 })
  actorType!: ActorType

  @Column({ name: "actor_id", type: "varchar", length: 128 })
  actorId!: string

  /** The served list the touch named; null when the storefront sent only a placement. */
  @Column({ name: "recommendation_id", type: "varchar", length: 64, nullable: true })
  recommendationId!: string | null

  @Column({ type: "varchar", length: 32 })
  placement!: string

  @Column({ name: "model_run_id", type: "uuid", nullable: true })
  modelRunId!: string | null

  @Column({ name: "experiment_id", type: "varchar", length: 64, nullable: true })
  experimentId!: string | null

  @Column({ type: "varchar", length: 64, nullable: true })
  arm!: string | null

  @Column({ type: "varchar", length: 16 })
  touch!: AttributionTouch

  @Column({ name: "touched_at", type: "timestamptz" })
  touchedAt!: Date

  @Column({ type: "integer" })
  quantity!: number

  /** Units of this line returned so far; their share of the revenue is reversed. */
  @Column({ name: "returned_quantity", type: "integer", default: 0 })
  returnedQuantity!: number

  /** The line's total after discounts (Medusa's item `total`), in the order's currency, major units. */
  @Column({ type: "numeric", precision: 20, scale: 4 })
  revenue!: string

  @Column({ name: "reversed_revenue", type: "numeric", precision: 20, scale: 4, default: 0 })
  reversedRevenue!: string

  @Column({ name: "currency_code", type: "varchar", length: 3 })
  currencyCode!: string

  @Column({ type: "varchar", length: 16, default: "active" })
  status!: AttributionStatus

  /** When the order was placed: its UTC day is the day every metric of this row is booked on. */
  @Column({ name: "ordered_at", type: "timestamptz" })
  orderedAt!: Date

  @Column({ name: "attributed_at", type: "timestamptz", default: () => "now()" })
  attributedAt!: Date

  @Column({ name: "reversed_at", type: "timestamptz", nullable: true })
  reversedAt!: Date | null
}
