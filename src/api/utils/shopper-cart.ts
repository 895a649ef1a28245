import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { anonymousIdOf } from "../../capture/actor"
import type { Shopper } from "./resolve-shopper"

export type ShopperCart = { id: string; regionId: string | null; productIds: string[] }

type CartRow = {
  id: string
  customer_id: string | null
  region_id: string | null
  completed_at: string | Date | null
  metadata: Record<string, unknown> | null
  items?: Array<{ product_id: string | null } | null> | null
}

/**
 * The request's cart, only if it is this shopper's: a customer's cart belongs to that customer
 * alone; a guest cart tagged with an anonymous id belongs to that id; an untagged guest cart
 * is readable by whoever holds its id, as in Medusa's own store API. Anything else is a 404,
 * so a foreign cart's existence is not revealed.
 */
export async function loadShopperCart(scope: MedusaContainer, cartId: string, shopper: Shopper): Promise<ShopperCart> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "region_id", "completed_at", "metadata", "items.product_id"],
    filters: { id: cartId },
  })
  const cart = (data as CartRow[])[0]
  if (!cart || !ownedBy(cart, shopper)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id ${cartId} was not found`)
  }
  return {
    id: cart.id,
    regionId: cart.region_id,
    productIds: [...new Set((cart.items ?? []).flatMap((i) => (i?.product_id ? [i.product_id] : [])))],
  }
}

function ownedBy(cart: CartRow, shopper: Shopper): boolean {
  if (cart.customer_id) {
    return shopper.actor.type === "customer" && shopper.actor.id === cart.customer_id
  }
  const tagged = anonymousIdOf(cart)
  return tagged === null || tagged === shopper.anonymousId
}
