import { Column, Entity, PrimaryColumn } from "typeorm"
import type { ActorType } from "../event-types"

export type OrderOutcomeLine = { quantity: number; revenue: number; returned_quantity: number; reversed_revenue: number }

/**
 * What one placed order added to reco_order_daily (revenue, currency, day, with or without
 * recommended items). The primary key makes order.placed replays harmless, and cancels and
 * returns subtract exactly what was added.
 */
@Entity({ name: "reco_order_outcome" })
export class RecoOrderOutcome {
  @PrimaryColumn({ name: "order_id", type: "varchar", length: 64 })
  orderId!: string

  @Column({ name: "actor_type", type: "varchar", length: 16 })
  actorType!: ActorType

  @Column({ name: "actor_id", type: "varchar", length: 128 })
  actorId!: string

  @Column({ name: "currency_code", type: "varchar", length: 3 })
  currencyCode!: string

  /** Sum of the lines' totals after discounts (shipping excluded), major units. */
  @Column({ type: "numeric", precision: 20, scale: 4 })
  revenue!: string

  @Column({ name: "returned_revenue", type: "numeric", precision: 20, scale: 4, default: 0 })
  returnedRevenue!: string

  @Column({ name: "with_recommendations", type: "boolean" })
  withRecommendations!: boolean

  /** Per line: quantity, revenue and what returns took so far, so returns reverse exactly. */
  @Column({ type: "jsonb", default: () => "'{}'::jsonb" })
  lines!: Record<string, OrderOutcomeLine>

  @Column({ type: "varchar", length: 16, default: "active" })
  status!: "active" | "canceled"

  @Column({ name: "ordered_at", type: "timestamptz" })
  orderedAt!: Date

  @Column({ name: "recorded_at", type: "timestamptz", default: () => "now()" })
  recordedAt!: Date
}
