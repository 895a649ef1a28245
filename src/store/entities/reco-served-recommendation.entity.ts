import { Column, Entity, PrimaryColumn } from "typeorm"
import type { ActorType } from "../event-types"
import type { JsonObject } from "../json"

export type ServedItem = { product_id: string; score: number; reason_code: string }

/** A list the store API returned, kept for attribution of later clicks and orders. */
@Entity({ name: "reco_served_recommendation" })
export class RecoServedRecommendation {
  @PrimaryColumn({ type: "varchar", length: 64 })
  id!: string

  @Column({ name: "actor_type", type: "varchar", length: 16 })
  actorType!: ActorType

  @Column({ name: "actor_id", type: "varchar", length: 128 })
  actorId!: string

  @Column({ type: "varchar", length: 32 })
  placement!: string

  @Column({ name: "model_run_id", type: "uuid", nullable: true })
  modelRunId!: string | null

  @Column({ name: "experiment_id", type: "varchar", length: 64, nullable: true })
  experimentId!: string | null

  @Column({ type: "varchar", length: 64, nullable: true })
  arm!: string | null

  /** Request context: product_id, cart_id, region_id, sales_channel_id. */
  @Column({ type: "jsonb", nullable: true })
  context!: JsonObject | null

  @Column({ type: "jsonb" })
  items!: ServedItem[]

  @Column({ name: "served_at", type: "timestamptz", default: () => "now()" })
  servedAt!: Date
}
