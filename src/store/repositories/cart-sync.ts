import type { DataSource } from "typeorm"
import type { Actor } from "../../capture/actor"
import { type CartLines, diffCartLines } from "../../capture/cart-lines"
import { RecoCartSnapshot } from "../entities"
import type { NewEvent } from "../new-event"
import { mergeActorInto } from "./actor-merge"
import { type WriteOutcome, writeEvents } from "./event-writer"

export type CartState = {
  cartId: string
  actor: Actor
  lines: CartLines
  regionId: string | null
  salesChannelId: string | null
  currencyCode: string | null
  observedAt: Date
}

export type CartSyncOutcome = WriteOutcome & {
  /** The anonymous actor merged into the cart's new customer, when this sync saw the hand-over. */
  mergedAnonymousId: string | null
}

/**
 * Diffs a cart against its last snapshot and writes cart_add / cart_remove events, in one
 * transaction that locks the snapshot row, so concurrent or replayed cart events never
 * double-count. A cart that gained a customer merges its anonymous history into them.
 */
export async function syncCart(dataSource: DataSource, state: CartState): Promise<CartSyncOutcome> {
  return dataSource.transaction(async (manager) => {
    // Create-if-missing first, so the row lock below always has a row to lock.
    await manager
      .createQueryBuilder()
      .insert()
      .into(RecoCartSnapshot)
      .values({
        cartId: state.cartId,
        actorType: state.actor.type,
        actorId: state.actor.id,
        version: 0,
        lines: {},
      })
      .orIgnore()
      .execute()
    const snapshot = await manager
      .getRepository(RecoCartSnapshot)
      .createQueryBuilder("s")
      .setLock("pessimistic_write")
      .where("s.cart_id = :id", { id: state.cartId })
      .getOneOrFail()

    let mergedAnonymousId: string | null = null
    if (
      snapshot.actorType === "anonymous" &&
      state.actor.type === "customer" &&
      snapshot.actorId !== state.actor.id
    ) {
      await mergeActorInto(manager, snapshot.actorId, state.actor.id)
      mergedAnonymousId = snapshot.actorId
    }

    const changes = diffCartLines(snapshot.lines, state.lines)
    const version = snapshot.version + 1
    const events: NewEvent[] = changes.map((c) => ({
      type: c.type,
      actorType: state.actor.type,
      actorId: state.actor.id,
      source: "subscriber",
      occurredAt: state.observedAt,
      idempotencyKey: `${c.type}:${state.cartId}:${version}:${c.variantId}`,
      productId: c.productId,
      variantId: c.variantId,
      quantity: c.quantity,
      unitPrice: c.unitPrice,
      currencyCode: state.currencyCode,
      regionId: state.regionId,
      salesChannelId: state.salesChannelId,
      cartId: state.cartId,
    }))
    const outcome = await writeEvents(manager, events)

    if (changes.length > 0 || mergedAnonymousId || snapshot.actorId !== state.actor.id) {
      await manager.getRepository(RecoCartSnapshot).update(
        { cartId: state.cartId },
        {
          actorType: state.actor.type,
          actorId: state.actor.id,
          lines: state.lines,
          version: changes.length > 0 ? version : snapshot.version,
          updatedAt: new Date(),
        }
      )
    }
    return { ...outcome, mergedAnonymousId }
  })
}
