/**
 * Which of the store's live promotions fit a shopper, and why. Pure: the serving layer brings
 * the promotions (already filtered to those that can apply now), what the shopper cares about
 * and, when a model is live, their purchase intent.
 *
 * Scoring (every score is in [0, 1]; higher first, ties by promotion id):
 * - Interest in a product, a(p) in [0, 1], is its strongest piece of evidence:
 *     in the cart of this request        1
 *     added to a cart recently           0.95 x recency
 *     clicked / viewed recently          0.9 / 0.85 x recency, recency = 0.5 ^ (age / 72 h)
 *     on the shopper's for-you list      0.6 x score / best score of the list
 *   Recency halves every three days, so last month's browsing counts for little beside today's.
 * - A targeted promotion (item rules on product, category or collection, read with Medusa's own
 *   rule semantics) scores FLOOR + (1 - FLOOR) x noisy-or of a(p) over the interest products it
 *   applies to: one strongly wanted product is enough, several interesting products in a targeted
 *   category add up, and nothing passes 1. The product with the highest a(p) drives the reason.
 * - A targeted promotion on nothing the shopper has shown interest in stays eligible with FLOOR,
 *   below everything else, so a shopper without history still sees the store's offers.
 * - An order-wide promotion (whole order, shipping, or items with no target rule or only
 *   exclusions) has no product to match, so intent decides: ORDER_BASE x (1 - 0.8 p) for the
 *   session's purchase probability p. Such a discount costs margin on every order it touches; a
 *   shopper who will very likely buy anyway mostly gets it for free, a hesitant one is who a nudge
 *   can convert. So it is worth most at low intent (0.5) and least at high intent (0.1). Without
 *   an intent model it gets the value at p = 0.5 (0.3) and everything ranks by affinity alone.
 *   Intent never changes targeted scores: their evidence is the shopper's own. So a product viewed
 *   today (a(p) about 0.85) beats any order-wide offer, while a weak or weeks-old signal loses to one.
 */

export type PromotionScope = "items" | "order" | "shipping_methods"
export type TargetField = "product" | "category" | "collection"
/** Medusa's rule operators on ids; gt/gte/lt/lte on ids are not understood here and are ignored. */
export type TargetOperator = "eq" | "in" | "ne"
export type TargetCondition = { field: TargetField; operator: TargetOperator; values: string[] }

export type PromotionDiscount = { type: "percentage" | "fixed"; value: number; currencyCode: string | null }

export type FitPromotion = {
  id: string
  scope: PromotionScope
  /** Target rules an item must all meet (Medusa ANDs them), on the fields understood here. */
  conditions: TargetCondition[]
  /**
   * It also has target rules on fields not understood here (product type, tag): it targets some
   * products, but which is unknown, so without a positive known condition it never matches.
   */
  untracked?: boolean
  discount: PromotionDiscount
  /** Buy X get Y: the discount needs a qualifying purchase, so the text does not promise a percentage. */
  buyGet: boolean
}

export type InterestEvidence = "cart" | "added" | "viewed" | "for_you"

export type ProductInterest = {
  productId: string
  /** 0..1, see the scoring notes above. */
  affinity: number
  evidence: InterestEvidence
  categoryIds: string[]
  collectionId: string | null
}

export type PromotionReasonCode =
  | "in_cart"
  | "added_to_cart"
  | "viewed_product"
  | "for_you_product"
  | "category_interest"
  | "collection_interest"
  | "order_wide"
  | "shipping"
  | "other_offer"

export type PromotionReason = {
  code: PromotionReasonCode
  /** The shopper's product that made this promotion fit (its view, cart line or for-you entry). */
  sourceProductId?: string
  /** The product, category or collection the text names. */
  target?: { field: TargetField; id: string }
}

export type ScoredPromotion = { promotion: FitPromotion; score: number; reason: PromotionReason }

export const FLOOR = 0.05
export const ORDER_BASE = 0.5
/** The order-wide factor without a model: the value at p = 0.5. */
export const NEUTRAL_INTENT = 0.5
const INTENT_SLOPE = 0.8
const HALF_LIFE_MS = 72 * 3600_000
const EVIDENCE_WEIGHT = { cart: 1, added: 0.95, click: 0.9, view: 0.85, forYou: 0.6 }

export type InterestInput = {
  now: Date
  /** Products in the cart this request is about. */
  cartProductIds: string[]
  /** Recent touches, any order: type is the event type (view, click, cart_add). */
  recent: Array<{ productId: string; at: Date; type: string }>
  /** The shopper's materialised for-you list (model scores, any scale). */
  forYou: Array<{ productId: string; score: number }>
  facts: (productId: string) => { categoryIds: string[]; collectionId: string | null } | undefined
}

/** The shopper's products of interest: per product the strongest evidence (see the notes above). */
export function shopperInterest(input: InterestInput): ProductInterest[] {
  const best = new Map<string, { affinity: number; evidence: InterestEvidence }>()
  const offer = (productId: string, affinity: number, evidence: InterestEvidence) => {
    if (!(affinity > 0)) return
    const current = best.get(productId)
    if (!current || affinity > current.affinity) best.set(productId, { affinity: Math.min(1, affinity), evidence })
  }
  for (const id of input.cartProductIds) offer(id, EVIDENCE_WEIGHT.cart, "cart")
  const now = input.now.getTime()
  for (const touch of input.recent) {
    const age = Math.max(0, now - touch.at.getTime())
    const recency = 0.5 ** (age / HALF_LIFE_MS)
    if (touch.type === "cart_add") offer(touch.productId, EVIDENCE_WEIGHT.added * recency, "added")
    else if (touch.type === "click") offer(touch.productId, EVIDENCE_WEIGHT.click * recency, "viewed")
    else offer(touch.productId, EVIDENCE_WEIGHT.view * recency, "viewed")
  }
  const top = input.forYou.reduce((m, e) => (Number.isFinite(e.score) ? Math.max(m, e.score) : m), 0)
  if (top > 0) for (const e of input.forYou) offer(e.productId, (EVIDENCE_WEIGHT.forYou * e.score) / top, "for_you")

  return [...best.entries()]
    .map(([productId, { affinity, evidence }]) => {
      const facts = input.facts(productId)
      return { productId, affinity, evidence, categoryIds: facts?.categoryIds ?? [], collectionId: facts?.collectionId ?? null }
    })
    .sort((a, b) => b.affinity - a.affinity || compareIds(a.productId, b.productId))
}

/** Whether one value list meets one rule, exactly as Medusa's promotion module evaluates it. */
export function ruleHolds(operator: TargetOperator, ruleValues: readonly string[], values: readonly string[]): boolean {
  if (values.length === 0) return operator === "ne"
  const set = new Set(ruleValues)
  switch (operator) {
    case "eq":
      return values.every((v) => set.has(v))
    case "in":
      return values.some((v) => set.has(v))
    case "ne":
      return values.every((v) => !set.has(v))
  }
}

function valuesOf(field: TargetField, product: ProductInterest): string[] {
  if (field === "product") return [product.productId]
  if (field === "category") return product.categoryIds
  return product.collectionId ? [product.collectionId] : []
}

/** Whether the promotion's target rules let it apply to this product. */
export function appliesTo(promotion: FitPromotion, product: ProductInterest): boolean {
  return promotion.conditions.every((c) => ruleHolds(c.operator, c.values, valuesOf(c.field, product)))
}

const isPositive = (c: TargetCondition) => c.operator !== "ne" && c.values.length > 0

/** Item promotions with a positive or an unknown target rule; everything else is order-wide. */
export function isTargeted(promotion: FitPromotion): boolean {
  return promotion.scope === "items" && (promotion.untracked === true || promotion.conditions.some(isPositive))
}

/** The order-wide factor of the notes: 1 - 0.8 p, clamped; NEUTRAL_INTENT without a model. */
export function intentFactor(probability: number | null): number {
  const p = probability === null || !Number.isFinite(probability) ? NEUTRAL_INTENT : Math.min(1, Math.max(0, probability))
  return 1 - INTENT_SLOPE * p
}

/**
 * Scores and orders promotions for one shopper. `intent` is the purchase probability of the
 * current session, or null when no intent model is live (or there is no session to score).
 */
export function fitPromotions(
  promotions: readonly FitPromotion[],
  interest: readonly ProductInterest[],
  intent: number | null
): ScoredPromotion[] {
  const scored = promotions.map((promotion): ScoredPromotion => {
    if (!isTargeted(promotion)) {
      return {
        promotion,
        score: ORDER_BASE * intentFactor(intent),
        reason: { code: promotion.scope === "shipping_methods" ? "shipping" : "order_wide" },
      }
    }
    // Only rules on unknown fields: which products it covers cannot be told, so nothing matches.
    const matching = promotion.conditions.some(isPositive) ? interest.filter((p) => appliesTo(promotion, p)) : []
    if (matching.length === 0) return { promotion, score: FLOOR, reason: otherOffer(promotion) }
    const none = matching.reduce((acc, p) => acc * (1 - Math.min(1, Math.max(0, p.affinity))), 1)
    const driver = matching.reduce((a, b) => (b.affinity > a.affinity ? b : a))
    return { promotion, score: FLOOR + (1 - FLOOR) * (1 - none), reason: interestReason(promotion, driver) }
  })
  return scored.sort((a, b) => b.score - a.score || compareIds(a.promotion.id, b.promotion.id))
}

/** Names the most specific positive target the driving product meets: product, then category, then collection. */
function interestReason(promotion: FitPromotion, driver: ProductInterest): PromotionReason {
  const positive = promotion.conditions.filter(isPositive)
  if (positive.some((c) => c.field === "product")) {
    const code: PromotionReasonCode = {
      cart: "in_cart" as const,
      added: "added_to_cart" as const,
      viewed: "viewed_product" as const,
      for_you: "for_you_product" as const,
    }[driver.evidence]
    return { code, sourceProductId: driver.productId, target: { field: "product", id: driver.productId } }
  }
  for (const field of ["category", "collection"] as const) {
    const rule = positive.find((c) => c.field === field)
    if (!rule) continue
    const id = valuesOf(field, driver).find((v) => rule.values.includes(v))
    return {
      code: field === "category" ? "category_interest" : "collection_interest",
      sourceProductId: driver.productId,
      ...(id ? { target: { field, id } } : {}),
    }
  }
  return { code: "other_offer", sourceProductId: driver.productId }
}

/** Names the target when the most specific positive rule has a single value; otherwise "selected products". */
function otherOffer(promotion: FitPromotion): PromotionReason {
  for (const field of ["product", "category", "collection"] as const) {
    const rule = promotion.conditions.find((c) => c.field === field && isPositive(c))
    if (!rule) continue
    const only = new Set(rule.values).size === 1 ? rule.values[0] : undefined
    return only === undefined ? { code: "other_offer" } : { code: "other_offer", target: { field, id: only } }
  }
  return { code: "other_offer" }
}

export type NameLookup = (field: TargetField, id: string) => string | undefined

/** "10%", "€5" (fixed amounts in their currency; the amount alone when it has none). */
export function discountAmount(discount: PromotionDiscount): string {
  const value = Number.isFinite(discount.value) ? discount.value : 0
  if (discount.type === "percentage") return `${formatNumber(value)}%`
  if (!discount.currencyCode) return formatNumber(value)
  try {
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency: discount.currencyCode.toUpperCase(),
      minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(value)
  } catch {
    return `${formatNumber(value)} ${discount.currencyCode.toUpperCase()}`
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
}

/**
 * Storefront text (English) for a promotion's reason, e.g. "10% off Trail Shoe, which you viewed"
 * or "Save 10% on Kitchen, a category you browse". Unknown names fall back to generic phrases,
 * so the shopper never sees an id or "undefined".
 */
export function promotionReasonText(scored: Pick<ScoredPromotion, "promotion" | "reason">, nameOf: NameLookup): string {
  const { promotion, reason } = scored
  const amount = discountAmount(promotion.discount)
  const off = promotion.buyGet ? "A deal on" : `${amount} off`
  const save = promotion.buyGet ? "A deal on" : `Save ${amount} on`
  const name = reason.target ? nameOf(reason.target.field, reason.target.id)?.trim() || undefined : undefined

  switch (reason.code) {
    case "in_cart":
      return name ? `${off} ${name}, which is in your cart` : `${off} an item in your cart`
    case "added_to_cart":
      return name ? `${off} ${name}, which you added to your cart` : `${off} an item you added to your cart`
    case "viewed_product":
      return name ? `${off} ${name}, which you viewed` : `${off} an item you viewed`
    case "for_you_product":
      return name ? `${off} ${name}, picked for you` : `${off} an item picked for you`
    case "category_interest":
      return name ? `${save} ${name}, a category you browse` : `${save} products you browse`
    case "collection_interest":
      return name ? `${save} ${name}, a collection you browse` : `${save} products you browse`
    case "order_wide":
      return promotion.buyGet ? "A deal on your order" : `${amount} off your order`
    case "shipping":
      return promotion.discount.type === "percentage" && promotion.discount.value >= 100
        ? "Free shipping"
        : `${amount} off shipping`
    case "other_offer":
      return name ? `${off} ${name}` : `${off} selected products`
  }
}

/** Code-unit order, the same on every host whatever its locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
