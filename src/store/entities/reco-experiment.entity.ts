import { Column, Entity, PrimaryGeneratedColumn } from "typeorm"

export const EXPERIMENT_STRATEGIES = ["active_model", "model_run", "trending", "blend"] as const
export type ExperimentStrategy = (typeof EXPERIMENT_STRATEGIES)[number]

/**
 * One arm of an A/B experiment: its share of the placement's traffic (percent) and how it
 * serves. `active_model`: today's behaviour; `model_run`: that run's lists instead of the active
 * run of its kind; `trending`: the trending list (a popularity control); `blend`: the model's
 * candidates weighted `blend_weight`, trending the rest.
 */
export type ExperimentArm = {
  name: string
  traffic: number
  strategy: ExperimentStrategy
  model_run_id?: string
  blend_weight?: number
}

export type ExperimentStatus = "running" | "stopped"

/** An A/B experiment on one placement; at most one runs per placement (partial unique index). */
@Entity({ name: "reco_experiment" })
export class RecoExperiment {
  @PrimaryGeneratedColumn("uuid")
  id!: string

  @Column({ type: "varchar", length: 200 })
  name!: string

  @Column({ type: "varchar", length: 32 })
  placement!: string

  @Column({ type: "varchar", length: 16 })
  status!: ExperimentStatus

  @Column({ type: "jsonb" })
  arms!: ExperimentArm[]

  @Column({ name: "started_at", type: "timestamptz", default: () => "now()" })
  startedAt!: Date

  @Column({ name: "stopped_at", type: "timestamptz", nullable: true })
  stoppedAt!: Date | null

  @Column({ name: "winner_arm", type: "varchar", length: 64, nullable: true })
  winnerArm!: string | null

  @Column({ name: "created_by", type: "varchar", length: 64, nullable: true })
  createdBy!: string | null

  @Column({ name: "created_at", type: "timestamptz", default: () => "now()" })
  createdAt!: Date
}
