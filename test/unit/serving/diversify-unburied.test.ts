import type { Candidate, MerchantRule, ProductFacts } from "../../../src/ml/rank"
import { diversifyUnburied } from "../../../src/serving/diversify-unburied"

const categoryOf: Record<string, string> = { k1: "kitchen", k2: "kitchen", k3: "kitchen", k4: "kitchen", s1: "shoes", s2: "shoes" }
const facts = (productId: string): ProductFacts => ({ productId, categoryIds: [categoryOf[productId]!], collectionId: productId === "s1" ? "col" : null })
const options = { maxPerCategory: 3, topSlots: 8, lambda: 0.7 }
const c = (productId: string, score: number, extra: Partial<Candidate> = {}): Candidate => ({
  productId,
  score,
  reason: { code: "trending" },
  source: "trending",
  ...extra,
})
const rule = (r: Partial<MerchantRule>): MerchantRule => ({
  id: "r",
  action: "bury",
  targetType: "product",
  targetId: "",
  placement: null,
  position: null,
  weight: null,
  startsAt: null,
  endsAt: null,
  ...r,
})
const ids = (list: Candidate[]) => list.map((x) => x.productId)

describe("diversifyUnburied", () => {
  // Already in applyMerchantRules' order: buried s1 last.
  const ruled = [c("k1", 10), c("k2", 9), c("k3", 8), c("k4", 7), c("s1", 4.5)]

  it("never pulls a buried product up for variety", () => {
    const buried = rule({ targetId: "s1" })
    expect(ids(diversifyUnburied(ruled, [buried], facts, options))).toEqual(["k1", "k2", "k3", "k4", "s1"])
  })

  it("matches bury rules by category and collection too", () => {
    expect(ids(diversifyUnburied(ruled, [rule({ targetType: "category", targetId: "shoes" })], facts, options))).toEqual(["k1", "k2", "k3", "k4", "s1"])
    expect(ids(diversifyUnburied(ruled, [rule({ targetType: "collection", targetId: "col" })], facts, options))).toEqual(["k1", "k2", "k3", "k4", "s1"])
  })

  it("is plain diversity without bury rules (other actions do not count)", () => {
    // The lone shoe is pulled up for variety.
    expect(ids(diversifyUnburied(ruled, [rule({ action: "boost", targetId: "s1" })], facts, options))).not.toEqual(ids(ruled))
    expect(diversifyUnburied(ruled, [], facts, options)).toEqual(diversifyUnburied(ruled, [rule({ action: "exclude", targetId: "zz" })], facts, options))
  })

  it("a pinned buried product keeps its slot and does not end the diversified part", () => {
    const list = [c("k1", 10), c("s1", 0, { pinned: true }), c("k2", 9), c("s2", 8), c("k3", 7)]
    const out = diversifyUnburied(list, [rule({ targetId: "s1" })], facts, options)
    expect(out[1]!.productId).toBe("s1")
    expect(ids(out).sort()).toEqual(ids(list).sort())
  })
})
