import { blendCandidates } from "../../../../src/ml/rank/blend"
import type { Candidate, Reason } from "../../../../src/ml/rank/candidate"

const c = (productId: string, score: number, source: string, reason: Reason = { code: "personalised" }): Candidate => ({
  productId,
  score,
  source,
  reason,
})
const ids = (list: Candidate[]) => list.map((x) => x.productId)

describe("blendCandidates", () => {
  it("normalises each source by its max so scales do not matter, and breaks ties by productId", () => {
    const viewed: Reason = { code: "similar_to", sourceProductId: "seed" }
    const out = blendCandidates([
      { source: "neighbors", weight: 1, items: [c("p2", 10, "neighbors", viewed), c("p1", 5, "neighbors", viewed)] },
      { source: "trending", weight: 1, items: [c("p1", 0.2, "trending", { code: "trending" }), c("p2", 0.1, "trending")] },
    ])
    // p2: 10/10 + 0.1/0.2 = 1.5; p1: 5/10 + 0.2/0.2 = 1.5 -> tie, productId ascending.
    expect(ids(out)).toEqual(["p1", "p2"])
    expect(out[0]!.score).toBeCloseTo(1.5, 12)
    expect(out[1]!.score).toBeCloseTo(1.5, 12)
    // Each keeps the reason of the source that contributed most to it.
    expect(out[0]).toMatchObject({ source: "trending", reason: { code: "trending" } })
    expect(out[1]).toMatchObject({ source: "neighbors", reason: viewed })
  })

  it("multiplies by the source weight", () => {
    const out = blendCandidates([
      { source: "a", weight: 2, items: [c("p2", 10, "a"), c("p1", 5, "a")] },
      { source: "b", weight: 1, items: [c("p1", 0.2, "b"), c("p2", 0.1, "b")] },
    ])
    expect(out.map((x) => [x.productId, x.score])).toEqual([
      ["p2", 2.5],
      ["p1", 2],
    ])
    // p1 gets 1.0 from each source: on equal contributions the earlier source keeps the reason.
    expect(out.find((x) => x.productId === "p1")!.source).toBe("a")
  })

  it("uses 1/(rank+1) for a source with no positive score", () => {
    const zeros = blendCandidates([{ source: "z", weight: 1, items: [c("x", 0, "z"), c("y", 0, "z"), c("w", 0, "z")] }])
    expect(zeros.map((x) => [x.productId, x.score])).toEqual([
      ["x", 1],
      ["y", 0.5],
      ["w", 1 / 3],
    ])
    const negative = blendCandidates([{ source: "n", weight: 3, items: [c("x", -1, "n"), c("y", -5, "n")] }])
    expect(negative.map((x) => [x.productId, x.score])).toEqual([
      ["x", 3],
      ["y", 1.5],
    ])
  })

  it("divides by the max positive score even when some scores are negative", () => {
    const out = blendCandidates([{ source: "s", weight: 1, items: [c("x", 4, "s"), c("y", -2, "s")] }])
    expect(out.map((x) => x.score)).toEqual([1, -0.5])
  })

  it("ignores sources with weight <= 0 and keeps the first duplicate inside a source", () => {
    const out = blendCandidates([
      { source: "a", weight: 1, items: [c("p1", 10, "a"), c("p2", 5, "a"), c("p1", 1, "a")] },
      { source: "off", weight: 0, items: [c("p3", 100, "off"), c("p2", 100, "off")] },
      { source: "neg", weight: -1, items: [c("p4", 100, "neg")] },
    ])
    expect(out.map((x) => [x.productId, x.score])).toEqual([
      ["p1", 1],
      ["p2", 0.5],
    ])
  })

  it("gives the reason to the earlier source on an equal contribution, and truncates to limit", () => {
    const out = blendCandidates(
      [
        { source: "first", weight: 1, items: [c("p1", 2, "first", { code: "bought_together", sourceProductId: "s" })] },
        { source: "second", weight: 1, items: [c("p1", 7, "second", { code: "popular" }), c("p2", 1, "second")] },
      ],
      1,
    )
    expect(out).toEqual([
      { productId: "p1", score: 2, source: "first", reason: { code: "bought_together", sourceProductId: "s" } },
    ])
    expect(blendCandidates([{ source: "s", weight: 1, items: [c("a", 1, "s")] }], 0)).toEqual([])
  })

  it("does not mutate its input", () => {
    const items = [c("b", 2, "s"), c("a", 4, "s")]
    const snapshot = JSON.parse(JSON.stringify(items))
    const out = blendCandidates([{ source: "s", weight: 1, items }])
    expect(items).toEqual(snapshot)
    out[0]!.reason.sourceProductId = "changed"
    expect(items[1]!.reason.sourceProductId).toBeUndefined()
  })
})
