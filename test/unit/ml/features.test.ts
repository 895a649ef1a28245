import { MlConfigError, MlDataError } from "../../../src/ml/errors"
import { bestF1Threshold } from "../../../src/ml/features/decision-threshold"
import { priceBand, priceBandEdges } from "../../../src/ml/features/price-band"
import { productTokens } from "../../../src/ml/features/product-tokens"
import { extractSessionFeatures, labelledSession, type SessionEvent } from "../../../src/ml/features/session-features"
import { Standardiser } from "../../../src/ml/features/standardiser"
import { stratifiedFolds } from "../../../src/ml/features/stratified-folds"
import { TabularEncoder, type TabularSchema } from "../../../src/ml/features/tabular-encoder"
import { tokenise } from "../../../src/ml/features/tokenise"
import { Vocabulary } from "../../../src/ml/features/vocabulary"

describe("Standardiser", () => {
  it("log1p-transforms then standardises with the fitted rows' statistics only", () => {
    const s = Standardiser.fit([[0, Math.E - 1], [5, 5]], ["log1p", "none"])
    // log1p: [0, 1] -> mean 0.5, std 0.5; a constant column keeps std 1 (maps to 0, not NaN).
    expect(s.apply(0, 0)).toBeCloseTo(-1)
    expect(s.apply(0, Math.E - 1)).toBeCloseTo(1)
    expect(s.apply(1, 5)).toBe(0)
    expect(s.apply(1, 7)).toBe(2)
    expect(s.apply(0, -3)).toBeCloseTo(-1) // negative counts are clamped before log1p
    expect(Standardiser.fromState(JSON.parse(JSON.stringify(s.state()))).apply(0, 4)).toBe(s.apply(0, 4))
  })
})

describe("TabularEncoder", () => {
  const schema: TabularSchema = {
    numeric: [{ name: "views", transform: "log1p" }],
    categorical: [{ name: "month" }, { name: "browser", minCount: 2 }],
  }
  const rows = [
    { views: 0, month: "Jan", browser: "a" },
    { views: 3, month: "Feb", browser: "a" },
    { views: 7, month: "Jan", browser: "b" },
  ]

  it("one-hot encodes with an <other> slot for rare and unseen values", () => {
    const encoder = TabularEncoder.fit(schema, rows)
    expect(encoder.featureNames).toEqual(["views", "month=<other>", "month=Jan", "month=Feb", "browser=<other>", "browser=a"])
    const unseen = encoder.encode([{ views: 3, month: "Dec", browser: "b" }])
    expect(Array.from(unseen.subarray(1))).toEqual([1, 0, 0, 1, 0])
    const jan = encoder.encode([{ views: 3, month: "Jan", browser: "a" }])
    expect(Array.from(jan.subarray(1))).toEqual([0, 1, 0, 0, 1])
  })

  it("survives a JSON round trip and rejects rows missing a feature", () => {
    const encoder = TabularEncoder.fit(schema, rows)
    const restored = TabularEncoder.fromState(JSON.parse(JSON.stringify(encoder.state())))
    expect(restored.encode(rows)).toEqual(encoder.encode(rows))
    expect(() => encoder.encode([{ views: 1, month: "Jan" }])).toThrow(MlDataError)
    expect(() => encoder.encode([{ views: "many", month: "Jan", browser: "a" }])).toThrow(MlDataError)
    expect(() => TabularEncoder.fit(schema, [])).toThrow(MlDataError)
  })
})

describe("stratifiedFolds", () => {
  const labels = Array.from({ length: 103 }, (_, i) => (i % 5 === 0 ? 1 : 0))

  it("puts every row in exactly one test fold and keeps the positive rate per fold", () => {
    const folds = stratifiedFolds(labels, 5, 42)
    const seen = folds.flatMap((f) => f.test).sort((a, b) => a - b)
    expect(seen).toEqual(labels.map((_, i) => i))
    for (const fold of folds) {
      expect(fold.train.length + fold.test.length).toBe(labels.length)
      const positives = fold.test.filter((i) => labels[i] === 1).length
      expect(positives === 4 || positives === 5).toBe(true) // 21 positives over 5 folds
      expect(fold.train.some((i) => fold.test.includes(i))).toBe(false)
    }
  })

  it("is reproducible from its seed", () => {
    expect(stratifiedFolds(labels, 5, 7)).toEqual(stratifiedFolds(labels, 5, 7))
    expect(stratifiedFolds(labels, 5, 7)[0]!.test).not.toEqual(stratifiedFolds(labels, 5, 8)[0]!.test)
    expect(() => stratifiedFolds(labels, 1, 7)).toThrow(MlConfigError)
    expect(() => stratifiedFolds([1, 0], 5, 7)).toThrow(MlDataError)
  })
})

describe("bestF1Threshold", () => {
  it("picks the cut that maximises F1 and never splits tied scores", () => {
    // Best: predict the top three (2 TP, 1 FP, 0 FN) -> F1 0.8, cut between 0.6 and 0.3.
    expect(bestF1Threshold([0.9, 0.6, 0.6, 0.3, 0.1], [1, 0, 1, 0, 0])).toBeCloseTo(0.45)
    expect(bestF1Threshold([0.2, 0.1], [0, 0])).toBe(0.5)
  })
})

describe("tokenise and product tokens", () => {
  it("folds accents and case, drops stopwords and duplicates", () => {
    expect(tokenise("The Crème-Brûlée set for 2 & the CRÈME dish")).toEqual(["creme", "brulee", "set", "dish"])
  })

  it("lists structured fields before title words and truncates titles first", () => {
    const tokens = productTokens(
      { id: "p", title: "Red linen shirt", category_ids: ["c1"], collection_id: "col", tag_ids: ["t1"], type_id: "ty", price: 30 },
      [10, 50],
      6
    )
    expect(tokens).toEqual(["c:c1", "col:col", "type:ty", "tag:t1", "pb:1", "w:red"])
  })

  it("bands prices by catalogue quantiles", () => {
    const edges = priceBandEdges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)
    expect(edges).toEqual([3, 5, 7, 9])
    expect([1, 3, 6, 10].map((p) => priceBand(p, edges))).toEqual([0, 1, 2, 4])
    expect(priceBand(null, edges)).toBeNull()
  })
})

describe("Vocabulary", () => {
  it("reserves index 0 and orders by count", () => {
    const v = Vocabulary.fit(["b", "a", "b", "c", "a", "b"], 2)
    expect(v.values).toEqual(["b", "a"])
    expect([v.indexOf("b"), v.indexOf("a"), v.indexOf("c")]).toEqual([1, 2, 0])
    expect(v.size).toBe(3)
  })
})

describe("session features", () => {
  const at = (iso: string) => new Date(iso)
  const events: SessionEvent[] = [
    { type: "view", productId: "p1", occurredAt: at("2026-11-28T10:00:00Z") }, // a Saturday
    { type: "search", occurredAt: at("2026-11-28T10:01:00Z") },
    { type: "view", productId: "p2", occurredAt: at("2026-11-28T10:02:00Z") },
    { type: "view", productId: "p1", occurredAt: at("2026-11-28T10:03:00Z") },
    { type: "cart_add", productId: "p1", occurredAt: at("2026-11-28T10:04:00Z") },
    { type: "purchase", productId: "p1", occurredAt: at("2026-11-28T10:06:00Z") },
    { type: "view", productId: "p3", occurredAt: at("2026-11-28T10:09:00Z") },
  ]

  it("computes store-side counts, duration and visit context", () => {
    const features = extractSessionFeatures(events.slice(0, 5), { previousVisitAt: at("2026-11-27T10:00:00Z") })
    expect(features).toEqual({
      view_count: 3,
      distinct_products_viewed: 2,
      search_count: 1,
      click_count: 0,
      cart_add_count: 1,
      cart_remove_count: 0,
      duration_seconds: 240,
      seconds_since_previous_visit: 86_400,
      is_returning: true,
      weekend: true,
      month: "Nov",
    })
    // Local time decides the day: 10:00 UTC on Saturday is 23:00 on Friday at UTC-11.
    expect(extractSessionFeatures(events.slice(0, 1), { utcOffsetMinutes: -11 * 60 }).weekend).toBe(false)
    expect(() => extractSessionFeatures([])).toThrow(MlDataError)
  })

  it("labels a session by its purchase and keeps later events out of its features", () => {
    const example = labelledSession(events)!
    expect(example.purchased).toBe(true)
    expect(example.features.view_count).toBe(3)
    expect(example.features.duration_seconds).toBe(240)
    expect(labelledSession(events.filter((e) => e.type !== "purchase"))!.purchased).toBe(false)
  })
})
