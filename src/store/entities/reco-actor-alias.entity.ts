import { Column, Entity, PrimaryColumn } from "typeorm"

/** Records that an anonymous shopper's history was merged into a customer (login, cart transfer). */
@Entity({ name: "reco_actor_alias" })
export class RecoActorAlias {
  @PrimaryColumn({ name: "anonymous_id", type: "varchar", length: 128 })
  anonymousId!: string

  @Column({ name: "customer_id", type: "varchar", length: 64 })
  customerId!: string

  @Column({ name: "merged_at", type: "timestamptz", default: () => "now()" })
  mergedAt!: Date
}
