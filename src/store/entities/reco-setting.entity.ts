import { Column, Entity, PrimaryColumn } from "typeorm"
import type { JsonObject } from "../json"

/** An admin-changed setting; absent keys fall back to the plugin options. */
@Entity({ name: "reco_setting" })
export class RecoSetting {
  @PrimaryColumn({ type: "varchar", length: 64 })
  key!: string

  @Column({ type: "jsonb" })
  value!: JsonObject | string | number | boolean

  @Column({ name: "updated_by", type: "varchar", length: 64, nullable: true })
  updatedBy!: string | null

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date
}
