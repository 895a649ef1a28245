import { MlConfigError } from "../../../../src/ml/errors"
import type { Candidate, ProductFacts } from "../../../../src/ml/rank/candidate"
import { diversify } from "../../../../src/ml/rank/diversify"

const c = (productId: string, score: number, extra: Partial<Candidate> = {}): Candidate => ({
  productId,
  score,
  source: "model",
  reason: { code: "personalised" },
  ...extra,
})
// The category is the id's leading letters: a1 -> ["a"]; "x…" ids have no facts at all.
const facts = (id: string): ProductFacts | undefined =>
  id.startsWith("x") ? undefined : { productId: id, categoryIds: [id.replace(/\d+$/, "")], collectionId: null }
const ids = (list: Candidate[]) => list.map((x) => x.productId)

describe("diversify", () => {
  const ranked = () => [c("a1", 0.9), c("a2", 0.8), c("a3", 0.7), c("b1", 0.6), c("b2", 0.5), c("c1", 0.4)]

  it("caps a category within the top slots and keeps the tail in its original order", () => {
    const out = diversify(ranked(), facts, { maxPerCategory: 1, topSlots: 3, lambda: 1 })
    expect(ids(out)).toEqual(["a1", "b1", "c1", "a2", "a3", "b2"])
    const two = diversify(ranked(), facts, { maxPerCategory: 2, topSlots: 4, lambda: 1 })
    expect(ids(two)).toEqual(["a1", "a2", "b1", "b2", "a3", "c1"])
  })

  it("trades score for novelty with lambda (MMR on min-max scaled scores)", () => {
    const list = [c("a1", 1), c("a2", 0.95), c("b1", 0.8), c("c1", 0)]
    // After a1: a2 = 0.7*0.95 - 0.3*1 = 0.365, b1 = 0.7*0.8 - 0 = 0.56.
    expect(ids(diversify(list, facts, { maxPerCategory: 10, topSlots: 2 }))).toEqual(["a1", "b1", "a2", "c1"])
    expect(ids(diversify(list, facts, { maxPerCategory: 10, topSlots: 2, lambda: 1 }))).toEqual(["a1", "a2", "b1", "c1"])
  })

  it("fills with the best remaining candidate when every one is capped", () => {
    const list = [c("a1", 3), c("a2", 2), c("a3", 1), c("b1", 0.5)]
    expect(ids(diversify(list, facts, { maxPerCategory: 1, topSlots: 3 }))).toEqual(["a1", "b1", "a2", "a3"])
  })

  it("keeps pinned candidates exactly where they are, counting top-slot pins toward the cap", () => {
    const list = [
      c("a1", 0.9),
      c("a9", 0.1, { source: "pin", reason: { code: "pinned" } }),
      c("a2", 0.8),
      c("b1", 0.7),
      c("b9", 0.05, { pinned: true }), // pinned model candidate: keeps its reason, flagged by the rules
      c("c1", 0.6),
      c("c9", 0.01, { reason: { code: "pinned" } }),
    ]
    const out = diversify(list, facts, { maxPerCategory: 1, topSlots: 3, lambda: 1 })
    // a9 (pinned, slot 1) already uses category "a": a1 and a2 are capped in the top slots.
    expect(ids(out)).toEqual(["b1", "a9", "c1", "a1", "b9", "a2", "c9"])
    expect(out[1]).toBe(list[1])
    expect(out[4]).toBe(list[4])
  })

  it("never caps products without categories or facts", () => {
    const list = [c("a1", 5), c("a2", 4), c("x1", 3), c("x2", 2)]
    expect(ids(diversify(list, facts, { maxPerCategory: 1, topSlots: 3, lambda: 1 }))).toEqual(["a1", "x1", "x2", "a2"])
  })

  it("is the identity with no top slots, and breaks equal values by incoming order", () => {
    expect(ids(diversify(ranked(), facts, { maxPerCategory: 1, topSlots: 0 }))).toEqual(ids(ranked()))
    const flat = [c("b1", 1), c("a1", 1), c("c1", 1), c("a2", 1)]
    expect(ids(diversify(flat, facts, { maxPerCategory: 5, topSlots: 10, lambda: 1 }))).toEqual(["b1", "a1", "c1", "a2"])
    expect(diversify([], facts, { maxPerCategory: 1, topSlots: 5 })).toEqual([])
  })

  it("rejects a lambda outside [0, 1] and does not mutate its input", () => {
    expect(() => diversify(ranked(), facts, { maxPerCategory: 1, topSlots: 3, lambda: 1.5 })).toThrow(MlConfigError)
    const list = ranked()
    const snapshot = [...list]
    diversify(list, facts, { maxPerCategory: 1, topSlots: 3 })
    expect(list).toEqual(snapshot)
  })
})
