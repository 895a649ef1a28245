import {
  discountAmount,
  fitPromotions,
  FLOOR,
  type FitPromotion,
  intentFactor,
  type NameLookup,
  ORDER_BASE,
  type ProductInterest,
  promotionReasonText,
  ruleHolds,
  shopperInterest,
  type TargetField,
} from "../../../../src/ml/rank/promotion-fit"

const now = new Date("2026-11-10T12:00:00Z")
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000)

// A tiny catalogue: two shoes in "shoes", two kitchen products in "kitchen" (one in a collection).
const facts: Record<string, { categoryIds: string[]; collectionId: string | null }> = {
  trail: { categoryIds: ["shoes"], collectionId: null },
  road: { categoryIds: ["shoes"], collectionId: null },
  mug: { categoryIds: ["kitchen"], collectionId: "coffee" },
  teapot: { categoryIds: ["kitchen"], collectionId: null },
}
const names: Record<string, string | undefined> = { trail: "Trail Shoe", road: "Road Shoe", mug: "Mug", teapot: "Teapot", shoes: "Shoes", kitchen: "Kitchen", coffee: "Coffee corner" }
const nameOf: NameLookup = (_field: TargetField, id: string) => names[id]

const percent = (value: number) => ({ type: "percentage" as const, value, currencyCode: null })
const promo = (id: string, over: Partial<FitPromotion> = {}): FitPromotion => ({
  id,
  scope: "items",
  conditions: [],
  discount: percent(10),
  buyGet: false,
  ...over,
})
const shoePromo = promo("promo_shoes", { conditions: [{ field: "category", operator: "in", values: ["shoes"] }] })
const kitchenPromo = promo("promo_kitchen", { conditions: [{ field: "category", operator: "in", values: ["kitchen"] }] })
const trailPromo = promo("promo_trail", { conditions: [{ field: "product", operator: "in", values: ["trail", "sandal"] }] })
const orderPromo = promo("promo_order", { scope: "order" })

function interest(over: Partial<Parameters<typeof shopperInterest>[0]> = {}): ProductInterest[] {
  return shopperInterest({ now, cartProductIds: [], recent: [], forYou: [], facts: (id) => facts[id], ...over })
}
const viewed = (...ids: string[]) => interest({ recent: ids.map((productId, i) => ({ productId, at: hoursAgo(i * 0.1), type: "view" })) })

describe("shopperInterest", () => {
  it("keeps each product's strongest evidence: cart, then recent actions, then the for-you list", () => {
    const list = interest({
      cartProductIds: ["mug"],
      recent: [
        { productId: "mug", at: hoursAgo(1), type: "view" },
        { productId: "trail", at: hoursAgo(1), type: "view" },
        { productId: "road", at: hoursAgo(1), type: "cart_add" },
      ],
      forYou: [
        { productId: "teapot", score: 4 },
        { productId: "trail", score: 8 },
      ],
    })
    const by = new Map(list.map((p) => [p.productId, p]))
    expect(by.get("mug")).toMatchObject({ affinity: 1, evidence: "cart", categoryIds: ["kitchen"], collectionId: "coffee" })
    expect(by.get("road")!.evidence).toBe("added")
    expect(by.get("trail")!.evidence).toBe("viewed") // a view today (0.84) beats the top for-you entry (0.6)
    expect(by.get("teapot")).toMatchObject({ evidence: "for_you", affinity: 0.3 }) // 0.6 x 4 / 8
    expect(list.map((p) => p.productId)).toEqual(["mug", "road", "trail", "teapot"])
  })

  it("halves a view's weight every three days", () => {
    const [fresh] = interest({ recent: [{ productId: "trail", at: now, type: "view" }] })
    const [old] = interest({ recent: [{ productId: "trail", at: hoursAgo(72), type: "view" }] })
    expect(fresh!.affinity).toBeCloseTo(0.85, 6)
    expect(old!.affinity).toBeCloseTo(0.425, 6)
  })

  it("ignores a for-you list without positive scores and products it knows nothing about still count", () => {
    expect(interest({ forYou: [{ productId: "mug", score: 0 }] })).toEqual([])
    expect(interest({ recent: [{ productId: "unknown", at: now, type: "click" }] })).toEqual([
      { productId: "unknown", affinity: 0.9, evidence: "viewed", categoryIds: [], collectionId: null },
    ])
  })
})

describe("ruleHolds mirrors Medusa's rule operators", () => {
  it.each([
    ["in", ["a", "b"], ["b", "c"], true],
    ["in", ["a"], ["c"], false],
    ["eq", ["a", "b"], ["a", "b"], true],
    ["eq", ["a"], ["a", "c"], false],
    ["ne", ["a"], ["b", "c"], true],
    ["ne", ["a"], ["a"], false],
    ["ne", ["a"], [], true],
    ["in", ["a"], [], false],
    ["eq", ["a"], [], false],
  ] as const)("%s %j against %j is %s", (operator, rule, values, expected) => {
    expect(ruleHolds(operator, rule, values)).toBe(expected)
  })
})

describe("fitPromotions", () => {
  const all = [kitchenPromo, shoePromo, orderPromo]

  it("ranks the promotion on what the shopper viewed first, and flips when they browse the other category", () => {
    const shoes = fitPromotions(all, viewed("trail", "road"), null)
    expect(shoes.map((s) => s.promotion.id)).toEqual(["promo_shoes", "promo_order", "promo_kitchen"])
    expect(shoes[0]!.reason).toEqual({ code: "category_interest", sourceProductId: "trail", target: { field: "category", id: "shoes" } })
    expect(shoes[2]).toMatchObject({ score: FLOOR, reason: { code: "other_offer", target: { field: "category", id: "kitchen" } } })

    const kitchen = fitPromotions(all, viewed("teapot"), null)
    expect(kitchen.map((s) => s.promotion.id)).toEqual(["promo_kitchen", "promo_order", "promo_shoes"])
  })

  it("several interesting products in a targeted category add up (noisy-or), but never past 1", () => {
    const one = fitPromotions([shoePromo], viewed("trail"), null)[0]!.score
    const two = fitPromotions([shoePromo], viewed("trail", "road"), null)[0]!.score
    expect(two).toBeGreaterThan(one)
    expect(fitPromotions([shoePromo], interest({ cartProductIds: ["trail", "road"] }), null)[0]!.score).toBe(1)
  })

  it("a product-targeted promotion names the product and how the shopper met it", () => {
    const byEvidence = (list: ProductInterest[]) => fitPromotions([trailPromo], list, null)[0]!.reason
    expect(byEvidence(viewed("trail"))).toEqual({ code: "viewed_product", sourceProductId: "trail", target: { field: "product", id: "trail" } })
    expect(byEvidence(interest({ cartProductIds: ["trail"] })).code).toBe("in_cart")
    expect(byEvidence(interest({ forYou: [{ productId: "trail", score: 1 }] })).code).toBe("for_you_product")
    // Nothing of interest: a promotion on several products does not pick one of them to name.
    expect(byEvidence(viewed("mug"))).toEqual({ code: "other_offer" })
    const sandalOnly = promo("promo_sandal", { conditions: [{ field: "product", operator: "eq", values: ["sandal"] }] })
    expect(fitPromotions([sandalOnly], viewed("mug"), null)[0]!.reason).toEqual({ code: "other_offer", target: { field: "product", id: "sandal" } })
  })

  it("order-wide offers are scaled by intent: a hesitant shopper gets the nudge, a sure buyer does not", () => {
    const score = (p: number | null) => fitPromotions([orderPromo], [], p)[0]!.score
    expect(score(0)).toBeCloseTo(ORDER_BASE, 9)
    expect(score(1)).toBeCloseTo(ORDER_BASE * 0.2, 9)
    expect(score(null)).toBeCloseTo(ORDER_BASE * intentFactor(0.5), 9)
    expect(score(0.1)).toBeGreaterThan(score(0.9))
    // Intent never moves targeted scores, and today's view beats any order-wide offer.
    const list = viewed("trail")
    for (const p of [0, 0.5, 1, null]) {
      const ranked = fitPromotions([orderPromo, shoePromo], list, p)
      expect(ranked[0]!.promotion.id).toBe("promo_shoes")
      expect(ranked[0]!.score).toBe(fitPromotions([shoePromo], list, null)[0]!.score)
    }
  })

  it("weak old evidence loses to an order-wide offer but stays above promotions with no evidence", () => {
    const oldView = interest({ recent: [{ productId: "mug", at: hoursAgo(24 * 20), type: "view" }] })
    const ranked = fitPromotions([kitchenPromo, orderPromo, shoePromo], oldView, 0.5)
    expect(ranked.map((s) => s.promotion.id)).toEqual(["promo_order", "promo_kitchen", "promo_shoes"])
    expect(ranked[1]!.score).toBeGreaterThan(FLOOR)
  })

  it("item promotions with only exclusions apply to (almost) everything and count as order-wide", () => {
    const allButMugs = promo("promo_most", { conditions: [{ field: "product", operator: "ne", values: ["mug"] }] })
    expect(fitPromotions([allButMugs], viewed("trail"), null)[0]!.reason.code).toBe("order_wide")
    const shipping = promo("promo_ship", { scope: "shipping_methods", discount: percent(100) })
    expect(fitPromotions([shipping], [], null)[0]!.reason.code).toBe("shipping")
  })

  it("exclusions still apply inside a targeted category, and rules on unknown fields never match", () => {
    const shoesButTrail = promo("promo_x", {
      conditions: [
        { field: "category", operator: "in", values: ["shoes"] },
        { field: "product", operator: "ne", values: ["trail"] },
      ],
    })
    expect(fitPromotions([shoesButTrail], viewed("trail"), null)[0]!.score).toBe(FLOOR)
    expect(fitPromotions([shoesButTrail], viewed("road"), null)[0]!.reason.code).toBe("category_interest")
    const byTag = promo("promo_tag", { untracked: true })
    expect(fitPromotions([byTag], viewed("trail"), null)[0]).toMatchObject({ score: FLOOR, reason: { code: "other_offer" } })
  })

  it("collections are targets too, and equal scores are ordered by promotion id", () => {
    const coffee = promo("promo_coffee", { conditions: [{ field: "collection", operator: "in", values: ["coffee"] }] })
    expect(fitPromotions([coffee], viewed("mug"), null)[0]!.reason).toEqual({
      code: "collection_interest",
      sourceProductId: "mug",
      target: { field: "collection", id: "coffee" },
    })
    const ranked = fitPromotions([promo("promo_b", { untracked: true }), promo("promo_a", { untracked: true })], [], null)
    expect(ranked.map((s) => s.promotion.id)).toEqual(["promo_a", "promo_b"])
  })
})

describe("promotion reason text", () => {
  const text = (p: FitPromotion, list: ProductInterest[], lookup = nameOf) => promotionReasonText(fitPromotions([p], list, null)[0]!, lookup)

  it("names the product or category that made the promotion fit", () => {
    expect(text(trailPromo, viewed("trail"))).toBe("10% off Trail Shoe, which you viewed")
    expect(text(trailPromo, interest({ cartProductIds: ["trail"] }))).toBe("10% off Trail Shoe, which is in your cart")
    expect(text(kitchenPromo, viewed("teapot"))).toBe("Save 10% on Kitchen, a category you browse")
    expect(text(kitchenPromo, viewed("trail"))).toBe("10% off Kitchen")
    expect(text(trailPromo, viewed("mug"))).toBe("10% off selected products")
    expect(text(orderPromo, [])).toBe("10% off your order")
  })

  it("formats fixed amounts in their currency, free shipping, deals and unknown names", () => {
    const fixed = promo("promo_f", { scope: "order", discount: { type: "fixed", value: 5, currencyCode: "eur" } })
    expect(text(fixed, [])).toBe("€5 off your order")
    expect(discountAmount({ type: "fixed", value: 7.5, currencyCode: "usd" })).toBe("$7.50")
    expect(discountAmount({ type: "fixed", value: 3, currencyCode: null })).toBe("3")
    expect(text(promo("promo_s", { scope: "shipping_methods", discount: percent(100) }), [])).toBe("Free shipping")
    const deal = promo("promo_d", { buyGet: true, conditions: trailPromo.conditions })
    expect(text(deal, viewed("trail"))).toBe("A deal on Trail Shoe, which you viewed")
    const unknown: NameLookup = () => undefined
    expect(text(trailPromo, viewed("trail"), unknown)).toBe("10% off an item you viewed")
    expect(text(kitchenPromo, viewed("teapot"), unknown)).toBe("Save 10% on products you browse")
    expect(text(promo("promo_t", { untracked: true }), [], unknown)).toBe("10% off selected products")
  })
})
