import { Column, Entity, PrimaryColumn } from "typeorm"

/** A materialised list for a segment ("all", "region:<id>", "channel:<id>"), e.g. trending. */
@Entity({ name: "reco_segment_list" })
export class RecoSegmentList {
  @PrimaryColumn({ name: "model_run_id", type: "uuid" })
  modelRunId!: string

  @PrimaryColumn({ type: "varchar", length: 160 })
  segment!: string

  @PrimaryColumn({ type: "smallint" })
  rank!: number

  @Column({ name: "product_id", type: "varchar", length: 64 })
  productId!: string

  @Column({ type: "double precision" })
  score!: number
}
