import { Column, Entity, PrimaryGeneratedColumn } from "typeorm"

/** A merchant's pin, boost, bury or exclude rule; serving applies it after the model. */
@Entity({ name: "reco_merchant_rule" })
export class RecoMerchantRule {
  @PrimaryGeneratedColumn("uuid")
  id!: string

  @Column({ type: "varchar", length: 16 })
  action!: "pin" | "boost" | "bury" | "exclude"

  @Column({ name: "target_type", type: "varchar", length: 16 })
  targetType!: "product" | "category" | "collection"

  @Column({ name: "target_id", type: "varchar", length: 64 })
  targetId!: string

  /** null: every placement. */
  @Column({ type: "varchar", length: 32, nullable: true })
  placement!: string | null

  /** Pins: the 0-based slot. */
  @Column({ type: "smallint", nullable: true })
  position!: number | null

  /** Boost and bury strength. */
  @Column({ type: "real", nullable: true })
  weight!: number | null

  @Column({ name: "starts_at", type: "timestamptz", nullable: true })
  startsAt!: Date | null

  @Column({ name: "ends_at", type: "timestamptz", nullable: true })
  endsAt!: Date | null

  @Column({ type: "text", nullable: true })
  note!: string | null

  @Column({ name: "created_by", type: "varchar", length: 64, nullable: true })
  createdBy!: string | null

  @Column({ name: "created_at", type: "timestamptz", default: () => "now()" })
  createdAt!: Date

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date
}
