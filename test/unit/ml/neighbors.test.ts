import { MlAbortedError, MlConfigError, MlDataError } from "../../../src/ml/errors"
import {
  neighborsOf,
  trainItemNeighbors,
  type InteractionEvent,
  type InteractionGroup,
} from "../../../src/ml/models/item-neighbors"
import { recommendForCart, scoreCart, trainBasketCompletion } from "../../../src/ml/models/neighbors/basket-completion"
import { dampedScore } from "../../../src/ml/models/neighbors/damped-score"

const views = (...items: number[]): InteractionGroup => ({ events: items.map((item) => ({ item, kind: "view" })) })
const bought = (...items: number[]): InteractionGroup => ({ events: items.map((item) => ({ item, kind: "purchase" })) })

describe("damped score", () => {
  it("is cosine at alpha 0.5 and the conditional probability at alpha 0, both in [0, 1]", () => {
    expect(dampedScore(4, 4, 16, 0.5, 0)).toBeCloseTo(4 / Math.sqrt(4 * 16), 12)
    expect(dampedScore(4, 4, 16, 0, 0)).toBeCloseTo(1, 12)
    expect(dampedScore(4, 16, 16, 1, 0)).toBeCloseTo(0.25, 12)
  })

  it("damps popular neighbours harder as alpha grows and shrinks thin evidence", () => {
    const rare = (alpha: number) => dampedScore(5, 10, 10, alpha, 0)
    const popular = (alpha: number) => dampedScore(5, 10, 1000, alpha, 0)
    expect(popular(0)).toBe(rare(0)) // P(b | a) ignores b's popularity
    expect(popular(0.5) / rare(0.5)).toBeCloseTo(0.1, 12)
    expect(popular(1) / rare(1)).toBeCloseTo(0.01, 12)
    // Same ratio co / sqrt(mass x mass), far less evidence: shrinkage pulls it down.
    expect(dampedScore(1, 2, 2, 0.5, 2)).toBeLessThan(dampedScore(10, 20, 20, 0.5, 2))
    expect(dampedScore(0, 2, 2, 0.5, 2)).toBe(0)
  })
})

describe("item neighbours", () => {
  // Item 0 is a best-seller seen with everything; item 2 is seen only with item 1.
  const groups: InteractionGroup[] = [
    ...Array.from({ length: 3 }, () => views(1, 2)),
    ...Array.from({ length: 5 }, () => views(1, 0)),
    ...Array.from({ length: 40 }, (_, i) => views(0, 3 + (i % 3))),
  ]

  it("scores by damped association, not raw counts: the best-seller is not the top neighbour", () => {
    const state = trainItemNeighbors(groups, 6)
    // Raw counts: item 1 meets item 0 five times and item 2 only three times.
    const top = neighborsOf(state, 1, "similar")
    expect(top[0]!.item).toBe(2)
    for (const n of top) {
      expect(n.score).toBeGreaterThan(0)
      expect(n.score).toBeLessThanOrEqual(1)
    }
    // Best first.
    expect(top.map((n) => n.score)).toEqual([...top.map((n) => n.score)].sort((a, b) => b - a))
  })

  it("keeps viewed-together and bought-together apart", () => {
    const state = trainItemNeighbors([views(0, 1), views(0, 1), bought(0, 2), bought(0, 2)], 3)
    expect(neighborsOf(state, 0, "similar").map((n) => n.item)).toEqual([1, 2]) // a purchase implies a view
    expect(neighborsOf(state, 0, "complement").map((n) => n.item)).toEqual([2])
    expect(neighborsOf(state, 1, "complement")).toEqual([])
  })

  it("lets carts count for complements at a lower weight and never counts repeats twice", () => {
    const cart = (item: number): InteractionEvent => ({ item, kind: "cart" })
    const state = trainItemNeighbors(
      [{ events: [cart(0), cart(1), cart(1), cart(1)] }, bought(0, 2)],
      3,
      { complement: { kindWeights: { view: 0, cart: 0.5, purchase: 1 }, alpha: 0.5, shrinkage: 0, groupDamping: 0 } }
    )
    const complement = neighborsOf(state, 0, "complement")
    expect(complement.map((n) => n.item)).toEqual([2, 1])
    // 0.5 x 0.5 co-weight over masses 1.5 and 0.5 -> 0.25 / sqrt(0.75).
    expect(complement[1]!.score).toBeCloseTo(0.25 / Math.sqrt(0.75), 12)
  })

  it("damps big groups: one pair from a 2-item session beats two from 31-item sessions", () => {
    const big = views(...Array.from({ length: 30 }, (_, i) => i + 10), 0)
    const data = [views(0, 1), big, big]
    expect(neighborsOf(trainItemNeighbors(data, 40), 0, "similar")[0]!.item).toBe(1)
    const undamped = trainItemNeighbors(data, 40, {
      similar: { kindWeights: { view: 1, cart: 1, purchase: 1 }, alpha: 0.5, shrinkage: 2, groupDamping: 0 },
    })
    expect(neighborsOf(undamped, 0, "similar")[0]!.item).toBe(10)
  })

  it("is plain JSON and validates its input", () => {
    const state = trainItemNeighbors(groups, 6)
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
    expect(() => trainItemNeighbors([views(7)], 6)).toThrow(MlDataError)
    expect(() => trainItemNeighbors(groups, 6, { topN: 0 })).toThrow(MlConfigError)
    const controller = new AbortController()
    controller.abort()
    expect(() => trainItemNeighbors(groups, 6, {}, { signal: controller.signal })).toThrow(MlAbortedError)
  })

  it("reports progress up to 1", () => {
    const seen: number[] = []
    trainItemNeighbors(groups, 6, {}, { onProgress: (f) => seen.push(f) })
    expect(seen[seen.length - 1]).toBe(1)
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true)
  })
})

describe("basket completion", () => {
  const DAY = 86_400_000
  // Item 0 is the staple; 1 and 2 go together; item 3 was popular long ago, item 4 lately.
  const baskets = [
    ...Array.from({ length: 10 }, () => ({ items: [0, 3], time: 0 })),
    ...Array.from({ length: 3 }, () => ({ items: [1, 2], time: 200 * DAY })),
    ...Array.from({ length: 6 }, () => ({ items: [0, 4], time: 200 * DAY })),
  ]

  it("lets the cart pull in its complements above more popular items", () => {
    const state = trainBasketCompletion(baskets, 5, { associationWeight: 5 })
    expect(recommendForCart(state, [1], 2).map((r) => r.item)).toEqual([2, 0])
    expect(recommendForCart(state, [], 1).map((r) => r.item)).toEqual([0])
  })

  it("decays popularity: what sold lately outranks what sold long ago", () => {
    const recent = trainBasketCompletion(baskets, 5, { associationWeight: 0, halfLifeDays: 30 })
    const allTime = trainBasketCompletion(baskets, 5, { associationWeight: 0, halfLifeDays: Infinity })
    const out = new Float64Array(5)
    scoreCart(recent, [], out)
    expect(out[4]!).toBeGreaterThan(out[3]!)
    scoreCart(allTime, [], out)
    expect(out[3]!).toBeGreaterThan(out[4]!)
  })

  it("never recommends what is already in the cart and round-trips through JSON", () => {
    const state = trainBasketCompletion(baskets, 5)
    expect(recommendForCart(state, [0, 4], 5).map((r) => r.item)).not.toContain(0)
    const copy = JSON.parse(JSON.stringify(state)) as typeof state
    const a = new Float64Array(5)
    const b = new Float64Array(5)
    scoreCart(state, [1], a)
    scoreCart(copy, [1], b)
    expect(Array.from(b)).toEqual(Array.from(a))
  })

  it("rejects impossible settings and empty data", () => {
    expect(() => trainBasketCompletion([], 3)).toThrow(MlDataError)
    expect(() => trainBasketCompletion(baskets, 5, { alpha: 2 })).toThrow(MlConfigError)
    expect(() => trainBasketCompletion(baskets, 5, { halfLifeDays: 0 })).toThrow(MlConfigError)
  })
})
