import { Column, Entity, PrimaryColumn } from "typeorm"

/**
 * Daily counters per (placement, model run, experiment, arm); '' stands for none. Written only
 * by increments (INSERT ... ON CONFLICT DO UPDATE SET x = x + EXCLUDED.x), see metric-counters.ts.
 * bigint columns are read back as strings.
 */
@Entity({ name: "reco_metric_daily" })
export class RecoMetricDaily {
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

  @Column({ type: "bigint", default: 0 })
  served!: string

  @Column({ type: "bigint", default: 0 })
  impressions!: string

  @Column({ type: "bigint", default: 0 })
  clicks!: string

  @Column({ name: "add_to_carts", type: "bigint", default: 0 })
  addToCarts!: string

  @Column({ name: "attributed_orders", type: "bigint", default: 0 })
  attributedOrders!: string

  @Column({ name: "attributed_items", type: "bigint", default: 0 })
  attributedItems!: string
}
