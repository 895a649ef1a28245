import { Column, Entity, PrimaryColumn } from "typeorm"

/** Attributed revenue and orders per day, metric key and currency (never summed across currencies). */
@Entity({ name: "reco_metric_revenue_daily" })
export class RecoMetricRevenueDaily {
  @PrimaryColumn({ type: "date" })
  day!: string

  @PrimaryColumn({ type: "varchar", length: 32 })
  placement!: string

  @PrimaryColumn({ name: "model_run_id", type: "text", default: "" })
  modelRunId!: string

  @PrimaryColumn({ name: "experiment_id", type: "text", default: "" })
  experimentId!: string

  @PrimaryColumn({ type: "text", default: "" })
  arm!: string

  @PrimaryColumn({ name: "currency_code", type: "varchar", length: 3 })
  currencyCode!: string

  @Column({ type: "numeric", precision: 20, scale: 4, default: 0 })
  revenue!: string

  @Column({ type: "bigint", default: 0 })
  orders!: string
}
