import { Column, Entity, PrimaryColumn } from "typeorm"
import type { ActorType } from "../event-types"

/** Quantity, product and price of one variant line in a cart, as last seen. */
export type CartSnapshotLine = {
  product_id: string | null
  quantity: number
  unit_price: number | null
}

/**
 * Last known contents of a Medusa cart. cart.updated carries only the cart id,
 * so cart_add / cart_remove events come from diffing the new contents against this row.
 */
@Entity({ name: "reco_cart_snapshot" })
export class RecoCartSnapshot {
  @PrimaryColumn({ name: "cart_id", type: "varchar", length: 64 })
  cartId!: string

  @Column({ name: "actor_type", type: "varchar", length: 16 })
  actorType!: ActorType

  @Column({ name: "actor_id", type: "varchar", length: 128 })
  actorId!: string

  /** Bumped on every change; part of the idempotency key of the events a change emits. */
  @Column({ type: "integer", default: 0 })
  version!: number

  /** variant id -> line. */
  @Column({ type: "jsonb" })
  lines!: Record<string, CartSnapshotLine>

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date
}
