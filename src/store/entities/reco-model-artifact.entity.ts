import { Column, Entity, PrimaryColumn } from "typeorm"
import type { JsonObject } from "../json"

/** A trained model's parameters that serving needs at request time (e.g. ranker weights). */
@Entity({ name: "reco_model_artifact" })
export class RecoModelArtifact {
  @PrimaryColumn({ name: "model_run_id", type: "uuid" })
  modelRunId!: string

  @PrimaryColumn({ type: "varchar", length: 64 })
  name!: string

  /** How `content` is laid out, e.g. "dense-weights-v1". */
  @Column({ type: "varchar", length: 32 })
  format!: string

  @Column({ type: "jsonb" })
  content!: JsonObject

  @Column({ name: "created_at", type: "timestamptz", default: () => "now()" })
  createdAt!: Date
}
