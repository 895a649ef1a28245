import { MlConfigError } from "../../../../src/ml/errors"
import { rerankByAffinity } from "../../../../src/ml/rank/personal-rerank"

describe("rerankByAffinity", () => {
  const ids = ["a", "b", "c", "d"]

  it("keeps the engine's order without affinity or with weight 0", () => {
    expect(rerankByAffinity(ids, () => 0, { weight: 0.5 })).toEqual(ids)
    expect(rerankByAffinity(ids, (id) => (id === "d" ? 5 : 0), { weight: 0 })).toEqual(ids)
  })

  it("lifts a strongly liked result above weaker engine matches", () => {
    // d: 0.5 * 0.25 + 0.5 * 1 = 0.625 beats a (0.5) and b (0.375).
    expect(rerankByAffinity(ids, (id) => (id === "d" ? 2 : 0), { weight: 0.5 })).toEqual(["d", "a", "b", "c"])
  })

  it("does not let a weak affinity leap over everything", () => {
    // d: 0.8 * 0.25 + 0.2 * 1 = 0.4, below a (0.8) and b (0.6), tied with c (0.4): the engine's order decides.
    expect(rerankByAffinity(ids, (id) => (id === "d" ? 1 : 0), { weight: 0.2 })).toEqual(["a", "b", "c", "d"])
  })

  it("scales affinities by the largest one and ignores NaN and negatives", () => {
    const affinity: Record<string, number> = { a: Number.NaN, b: -3, c: 10, d: 5 }
    expect(rerankByAffinity(ids, (id) => affinity[id]!, { weight: 1 })).toEqual(["c", "d", "a", "b"])
  })

  it("rejects a weight outside [0, 1]", () => {
    expect(() => rerankByAffinity(ids, () => 1, { weight: 1.5 })).toThrow(MlConfigError)
  })
})
