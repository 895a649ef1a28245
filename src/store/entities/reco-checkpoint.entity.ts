import { Column, Entity, PrimaryColumn } from "typeorm"
import type { JsonObject } from "../json"

/** Named progress of a resumable job (backfill cursor, last signal seen, ...). */
@Entity({ name: "reco_checkpoint" })
export class RecoCheckpoint {
  @PrimaryColumn({ type: "varchar", length: 64 })
  name!: string

  @Column({ type: "jsonb" })
  state!: JsonObject

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date
}
