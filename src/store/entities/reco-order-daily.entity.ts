import { Column, Entity, PrimaryColumn } from "typeorm"

/** Every placed order per day and currency, split by whether any line was attributed (for AOV). */
@Entity({ name: "reco_order_daily" })
export class RecoOrderDaily {
  @PrimaryColumn({ type: "date" })
  day!: string

  @PrimaryColumn({ name: "currency_code", type: "varchar", length: 3 })
  currencyCode!: string

  @PrimaryColumn({ name: "with_recommendations", type: "boolean" })
  withRecommendations!: boolean

  @Column({ type: "bigint", default: 0 })
  orders!: string

  @Column({ type: "numeric", precision: 20, scale: 4, default: 0 })
  revenue!: string
}
