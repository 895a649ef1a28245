import { Column, Entity, PrimaryColumn } from "typeorm"
import type { JsonObject } from "../json"

/** One entry of a materialised per-shopper list (e.g. for_you) of one model run, read by rank. */
@Entity({ name: "reco_actor_list" })
export class RecoActorList {
  @PrimaryColumn({ name: "model_run_id", type: "uuid" })
  modelRunId!: string

  @PrimaryColumn({ type: "varchar", length: 24 })
  list!: string

  @PrimaryColumn({ name: "actor_id", type: "varchar", length: 128 })
  actorId!: string

  @PrimaryColumn({ type: "smallint" })
  rank!: number

  @Column({ name: "product_id", type: "varchar", length: 64 })
  productId!: string

  @Column({ type: "double precision" })
  score!: number

  /** Why this item is here, e.g. {code: "because_viewed", source_product_id}. */
  @Column({ type: "jsonb", nullable: true })
  reason!: JsonObject | null
}
