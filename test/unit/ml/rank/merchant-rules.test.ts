import type { Candidate, ProductFacts } from "../../../../src/ml/rank/candidate"
import {
  activeRules,
  applyMerchantRules,
  pinnedProductIds,
  type MerchantRule,
} from "../../../../src/ml/rank/merchant-rules"

const c = (productId: string, score: number, source = "model"): Candidate => ({
  productId,
  score,
  source,
  reason: source === "pin" ? { code: "pinned" } : { code: "similar_to", sourceProductId: "seed" },
})
let nextId = 0
const rule = (r: Partial<MerchantRule> & Pick<MerchantRule, "action" | "targetId">): MerchantRule => ({
  id: `r${nextId++}`,
  targetType: "product",
  placement: null,
  position: null,
  weight: null,
  startsAt: null,
  endsAt: null,
  ...r,
})
const catalogue: Record<string, ProductFacts> = {
  a: { productId: "a", categoryIds: ["shoes"], collectionId: "summer" },
  b: { productId: "b", categoryIds: ["shoes", "sale"], collectionId: null },
  c: { productId: "c", categoryIds: ["hats"], collectionId: "summer" },
  d: { productId: "d", categoryIds: ["hats"], collectionId: null },
  e: { productId: "e", categoryIds: [], collectionId: null },
}
const facts = (id: string) => catalogue[id]
const ids = (list: Candidate[]) => list.map((x) => x.productId)
// a 5, b 4, c 3, d 2, e 1
const base = () => [c("a", 5), c("b", 4), c("c", 3), c("d", 2), c("e", 1)]

describe("activeRules", () => {
  const start = new Date("2026-11-01T00:00:00Z")
  const end = new Date("2026-11-08T00:00:00Z")
  const windowed = rule({ action: "boost", targetId: "a", startsAt: start, endsAt: end })

  it("includes startsAt and excludes endsAt", () => {
    expect(activeRules([windowed], "home", new Date(start.getTime() - 1))).toEqual([])
    expect(activeRules([windowed], "home", start)).toEqual([windowed])
    expect(activeRules([windowed], "home", new Date(end.getTime() - 1))).toEqual([windowed])
    expect(activeRules([windowed], "home", end)).toEqual([])
  })

  it("treats a null bound as open and a null placement as every placement", () => {
    const always = rule({ action: "bury", targetId: "b" })
    const onlyPdp = rule({ action: "pin", targetId: "c", placement: "pdp" })
    const fromStart = rule({ action: "exclude", targetId: "d", startsAt: start })
    const now = new Date("2030-01-01T00:00:00Z")
    expect(activeRules([always, onlyPdp, fromStart], "home", now)).toEqual([always, fromStart])
    expect(activeRules([always, onlyPdp, fromStart], "pdp", now)).toEqual([always, onlyPdp, fromStart])
    expect(activeRules([fromStart], "pdp", new Date(0))).toEqual([])
  })
})

describe("pinnedProductIds", () => {
  it("lists product-target pins only, once each", () => {
    const rules = [
      rule({ action: "pin", targetId: "x" }),
      rule({ action: "pin", targetId: "shoes", targetType: "category" }),
      rule({ action: "boost", targetId: "y" }),
      rule({ action: "pin", targetId: "z", position: 3 }),
      rule({ action: "pin", targetId: "x", position: 1 }),
    ]
    expect(pinnedProductIds(rules)).toEqual(["x", "z"])
  })
})

describe("applyMerchantRules", () => {
  it("returns the score order when there are no rules, ties by productId", () => {
    expect(ids(applyMerchantRules([c("b", 1), c("a", 1), c("z", 2)], [], facts))).toEqual(["z", "a", "b"])
  })

  it("excludes by product, category and collection", () => {
    expect(ids(applyMerchantRules(base(), [rule({ action: "exclude", targetId: "b" })], facts))).toEqual(["a", "c", "d", "e"])
    expect(ids(applyMerchantRules(base(), [rule({ action: "exclude", targetType: "category", targetId: "hats" })], facts))).toEqual([
      "a",
      "b",
      "e",
    ])
    expect(
      ids(applyMerchantRules(base(), [rule({ action: "exclude", targetType: "collection", targetId: "summer" })], facts)),
    ).toEqual(["b", "d", "e"])
  })

  it("lets exclude beat pin", () => {
    const rules = [
      rule({ action: "pin", targetId: "e", position: 0 }),
      rule({ action: "exclude", targetType: "category", targetId: "sale" }),
      rule({ action: "pin", targetId: "b", position: 1 }),
    ]
    const out = applyMerchantRules(base(), rules, facts)
    expect(ids(out)).toEqual(["e", "a", "c", "d"])
  })

  it("boosts by 1 + weight (default 0.5) and re-sorts", () => {
    const out = applyMerchantRules(base(), [rule({ action: "boost", targetType: "category", targetId: "hats" })], facts)
    expect(out.map((x) => [x.productId, x.score])).toEqual([
      ["a", 5],
      ["c", 4.5],
      ["b", 4],
      ["d", 3],
      ["e", 1],
    ])
    const strong = applyMerchantRules(base(), [rule({ action: "boost", targetId: "e", weight: 9 })], facts)
    expect(strong.map((x) => [x.productId, x.score])[0]).toEqual(["e", 10])
  })

  it("shows buried items after every non-buried item, even a lower-scoring one", () => {
    const out = applyMerchantRules(
      base(),
      [rule({ action: "bury", targetId: "a", weight: 0.1 }), rule({ action: "bury", targetId: "c" })],
      facts,
    )
    expect(ids(out)).toEqual(["b", "d", "e", "a", "c"])
    expect(out[3]!.score).toBeCloseTo(4.5, 12)
    expect(out[4]!.score).toBeCloseTo(1.5, 12)
  })

  it("clamps the bury weight to [0, 1) so scores keep their sign and order", () => {
    const out = applyMerchantRules(
      base(),
      [rule({ action: "bury", targetId: "a", weight: 3 }), rule({ action: "bury", targetId: "b", weight: -2 })],
      facts,
    )
    expect(ids(out)).toEqual(["c", "d", "e", "b", "a"])
    expect(out[3]!.score).toBe(4)
    expect(out[4]!.score).toBeGreaterThan(0)
    expect(out[4]!.score).toBeLessThan(1e-9)
  })

  it("puts a product pin at its position; a pin-sourced candidate gets the pinned reason", () => {
    const candidates = [...base(), c("p", 0, "pin")]
    const out = applyMerchantRules(candidates, [rule({ action: "pin", targetId: "p", position: 2 })], facts)
    expect(ids(out)).toEqual(["a", "b", "p", "c", "d", "e"])
    expect(out[2]).toMatchObject({ reason: { code: "pinned" }, pinned: true, source: "pin" })
    expect(out.filter((x) => x.pinned)).toHaveLength(1)
  })

  it("keeps a model's reason on a pinned model candidate and defaults the position to 0", () => {
    const out = applyMerchantRules(base(), [rule({ action: "pin", targetId: "d" })], facts)
    expect(ids(out)).toEqual(["d", "a", "b", "c", "e"])
    expect(out[0]).toMatchObject({ pinned: true, source: "model", reason: { code: "similar_to", sourceProductId: "seed" } })
  })

  it("pins the best-scoring candidate of a category or collection", () => {
    const boosted = [rule({ action: "boost", targetId: "d", weight: 1 })] // d: 2 -> 4, now the best hat (c has 3)
    const out = applyMerchantRules(
      base(),
      [...boosted, rule({ action: "pin", targetType: "category", targetId: "hats", position: 0 })],
      facts,
    )
    expect(ids(out)).toEqual(["d", "a", "b", "c", "e"])
    const byCollection = applyMerchantRules(
      base(),
      [rule({ action: "pin", targetType: "collection", targetId: "summer", position: 3 })],
      facts,
    )
    // a is the best of collection "summer"
    expect(ids(byCollection)).toEqual(["b", "c", "d", "a", "e"])
  })

  it("applies several pins in ascending position order, sharing slots and appending past the end", () => {
    const rules = [
      rule({ action: "pin", targetId: "e", position: 99 }),
      rule({ action: "pin", targetId: "d", position: 1 }),
      rule({ action: "pin", targetType: "category", targetId: "hats", position: 1 }), // d taken: c, next free slot
      rule({ action: "pin", targetId: "b", position: 0 }),
    ]
    const out = applyMerchantRules(base(), rules, facts)
    expect(ids(out)).toEqual(["b", "d", "c", "a", "e"])
    expect(out.map((x) => x.pinned === true)).toEqual([true, true, true, false, true])
  })

  it("keeps an exact slot pin in place when an overflowing pin is appended", () => {
    const rules = [rule({ action: "pin", targetId: "a", position: 4 }), rule({ action: "pin", targetId: "b", position: 50 })]
    expect(ids(applyMerchantRules(base(), rules, facts))).toEqual(["c", "d", "e", "b", "a"])
  })

  it("ignores pins whose product is not a candidate and rules on products without facts", () => {
    const rules = [
      rule({ action: "pin", targetId: "ghost" }),
      rule({ action: "exclude", targetType: "category", targetId: "shoes" }),
    ]
    expect(ids(applyMerchantRules([c("unknown", 1), c("a", 2)], rules, facts))).toEqual(["unknown"])
  })

  it("does not mutate its inputs", () => {
    const candidates = base()
    const snapshot = JSON.parse(JSON.stringify(candidates))
    const out = applyMerchantRules(
      candidates,
      [rule({ action: "boost", targetId: "e", weight: 10 }), rule({ action: "pin", targetId: "c" })],
      facts,
    )
    expect(candidates).toEqual(snapshot)
    expect(out).not.toBe(candidates)
    expect(out.find((x) => x.productId === "e")!.score).toBe(11)
  })
})
