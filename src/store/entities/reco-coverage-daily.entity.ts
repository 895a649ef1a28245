import { Entity, PrimaryColumn } from "typeorm"

/** Which products a placement recommended on a day (insert-on-conflict-nothing), for coverage. */
@Entity({ name: "reco_coverage_daily" })
export class RecoCoverageDaily {
  @PrimaryColumn({ type: "date" })
  day!: string

  @PrimaryColumn({ type: "varchar", length: 32 })
  placement!: string

  @PrimaryColumn({ name: "product_id", type: "varchar", length: 64 })
  productId!: string
}
