import type { Reason } from "./candidate"

/**
 * Short storefront text for a recommendation reason (English). Reasons that name a product fall
 * back to a generic phrase when the product or its title is unknown (deleted, not mirrored yet),
 * so the shopper never sees "undefined".
 */
export function reasonText(reason: Reason, titleOf: (productId: string) => string | undefined): string {
  const id = reason.sourceProductId
  const title = id === undefined ? undefined : titleOf(id)?.trim() || undefined
  const label = reason.segmentLabel?.trim() || undefined
  const about = (known: (t: string) => string, generic: string) => (title === undefined ? generic : known(title))

  switch (reason.code) {
    case "personalised":
      return "Picked for you"
    case "because_you_viewed":
      return about((t) => `Because you viewed ${t}`, "Based on what you viewed")
    case "because_you_interacted":
      return about((t) => `Inspired by ${t}`, "Inspired by items you liked")
    case "viewed_together":
      return about((t) => `Shoppers who viewed ${t} also viewed this`, "Shoppers who viewed similar items also viewed this")
    case "similar_to":
      return about((t) => `Similar to ${t}`, "Similar to an item you viewed")
    case "bought_together":
      return about((t) => `Often bought with ${t}`, "Often bought together")
    case "complements_cart":
      return about((t) => `Goes well with ${t} in your cart`, "Goes well with your cart")
    case "next_in_session":
      return about((t) => `Popular next step after ${t}`, "Popular next step")
    case "trending":
      return "Trending now"
    case "trending_in_region":
      return label === undefined ? "Trending now" : `Trending in ${label}`
    case "recently_viewed":
      return "You viewed this recently"
    case "pinned":
      return "Featured"
    case "popular":
      return "Popular right now"
    default:
      // Reasons come back from stored JSON; an unknown code still gets harmless text.
      return "Picked for you"
  }
}
