import type { DataSource } from "typeorm"
import type { Actor } from "../../capture/actor"
import { type CartLines, diffCartLines } from "../../capture/cart-lines"
import { RecoCartSnapshot } from "../entities"
import type { NewEvent } from "../new-event"
import { mergeActorInto } from "./actor-merge"
import { countRecommendedCartAdds } from "./cart-add-metrics"
import { type StoredEvents, writeEvents } from "./event-writer"
import { defaultSettings, readSettings, type RecoSettings } from "./settings"

export type CartState = {
  cartId: string
  actor: Actor
  /**
   * The anonymous id in the cart's metadata. When the cart belongs to a customer (a login, or
   * the guest customer Medusa creates from a checkout email), that history joins the customer.
   */
  anonymousId: string | null
  lines: CartLines
  regionId: string | null
  salesChannelId: string | null
  currencyCode: string | null
  observedAt: Date
}

export type CartSyncOutcome = StoredEvents & {
  /** The anonymous actor merged into the cart's new customer, when this sync saw the hand-over. */
  mergedAnonymousId: string | null
}

/**
 * Diffs a cart against its last snapshot and writes cart_add / cart_remove events, in one
 * transaction that locks the snapshot row, so concurrent or replayed cart events never
 * double-count. A cart that gained a customer merges its anonymous history into them. Cart adds
 * of a product the shopper clicked in a recommendation within the attribution window count as
 * that recommendation's add_to_carts (settings over `settingsDefaults`).
 */
export async function syncCart(
  dataSource: DataSource,
  state: CartState,
  settingsDefaults: RecoSettings = defaultSettings({ retentionDays: 730 })
): Promise<CartSyncOutcome> {
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
    if (state.actor.type === "customer") {
      // The cart's earlier anonymous owner, and the storefront's anonymous id (they differ when
      // the cart was created before the storefront knew its id), both become the customer.
      const anonymous = new Set<string>()
      if (snapshot.actorType === "anonymous" && snapshot.actorId !== state.actor.id) anonymous.add(snapshot.actorId)
      if (state.anonymousId) anonymous.add(state.anonymousId)
      for (const id of anonymous) {
        if ((await mergeActorInto(manager, id, state.actor.id)) > 0 || id === snapshot.actorId) mergedAnonymousId = id
      }
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
    if (changes.some((c) => c.type === "cart_add") && outcome.stored > 0) {
      const { attribution_window_days } = await readSettings(manager, settingsDefaults)
      await countRecommendedCartAdds(manager, outcome.storedIds, attribution_window_days)
    }

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
