import { Column, Entity, PrimaryGeneratedColumn } from "typeorm"
import type { JsonObject } from "../json"

export const MODEL_RUN_STATUSES = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "rejected",
  "canceled",
] as const
export type ModelRunStatus = (typeof MODEL_RUN_STATUSES)[number]

/**
 * One training run of one model kind. At most one run per kind is active
 * (a partial unique index enforces it); serving reads only the active run's rows.
 */
@Entity({ name: "reco_model_run" })
export class RecoModelRun {
  @PrimaryGeneratedColumn("uuid")
  id!: string

  /** What the run produces, e.g. "for_you", "item_neighbors", "trending". */
  @Column({ name: "model_kind", type: "varchar", length: 48 })
  modelKind!: string

  /** How it was produced, e.g. "ease", "als", "cooccurrence". */
  @Column({ type: "varchar", length: 48 })
  algorithm!: string

  @Column({ type: "varchar", length: 16, default: "queued" })
  status!: ModelRunStatus

  @Column({ name: "is_active", type: "boolean", default: false })
  isActive!: boolean

  /** The tfjs backend that trained it (tensorflow, wasm, cpu), or null for closed-form models. */
  @Column({ type: "varchar", length: 32, nullable: true })
  backend!: string | null

  /** 0..1, mirrored from the BullMQ job's progress. */
  @Column({ type: "real", default: 0 })
  progress!: number

  @Column({ type: "jsonb", nullable: true })
  params!: JsonObject | null

  @Column({ type: "jsonb", nullable: true })
  metrics!: Record<string, number> | null

  @Column({ name: "baseline_metrics", type: "jsonb", nullable: true })
  baselineMetrics!: Record<string, number> | null

  /** Why a run was rejected or not activated. */
  @Column({ type: "text", nullable: true })
  reason!: string | null

  @Column({ type: "text", nullable: true })
  error!: string | null

  @Column({ name: "job_id", type: "varchar", length: 128, nullable: true })
  jobId!: string | null

  /** Events received up to this instant were used for training. */
  @Column({ name: "data_cutoff", type: "timestamptz", nullable: true })
  dataCutoff!: Date | null

  @Column({ name: "event_count", type: "integer", nullable: true })
  eventCount!: number | null

  /** What started it: schedule, signal, admin, cli. */
  @Column({ type: "varchar", length: 16, nullable: true })
  trigger!: string | null

  /** Set by an admin's cancel; the worker aborts the job's signal when it sees it. */
  @Column({ name: "cancel_requested", type: "boolean", default: false })
  cancelRequested!: boolean

  @Column({ name: "created_at", type: "timestamptz", default: () => "now()" })
  createdAt!: Date

  @Column({ name: "started_at", type: "timestamptz", nullable: true })
  startedAt!: Date | null

  @Column({ name: "finished_at", type: "timestamptz", nullable: true })
  finishedAt!: Date | null

  @Column({ name: "activated_at", type: "timestamptz", nullable: true })
  activatedAt!: Date | null
}
