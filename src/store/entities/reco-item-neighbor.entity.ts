import { Column, Entity, PrimaryColumn } from "typeorm"

/**
 * similar: viewed together; complement: bought together; content: alike by product features;
 * next: what shoppers move on to from this product within a session.
 */
export const NEIGHBOR_KINDS = ["similar", "complement", "content", "next"] as const
export type NeighborKind = (typeof NEIGHBOR_KINDS)[number]

/** A materialised product -> product list entry of one model run, read by rank. */
@Entity({ name: "reco_item_neighbor" })
export class RecoItemNeighbor {
  @PrimaryColumn({ name: "model_run_id", type: "uuid" })
  modelRunId!: string

  @PrimaryColumn({ type: "varchar", length: 16 })
  kind!: NeighborKind

  @PrimaryColumn({ name: "product_id", type: "varchar", length: 64 })
  productId!: string

  @PrimaryColumn({ type: "smallint" })
  rank!: number

  @Column({ name: "neighbor_product_id", type: "varchar", length: 64 })
  neighborProductId!: string

  @Column({ type: "double precision" })
  score!: number
}
