import { MlDataError } from "../../../src/ml/errors"
import {
  chooseLabelSource,
  DEFAULT_RANKER_CONFIG,
  Ranker,
  RANKER_FEATURES,
  RANKER_NEVER_DAYS,
  type RankerExample,
  type RankerFeatureName,
  type RankerFeatures,
} from "../../../src/ml/models/ranker"
import { createRng } from "../../../src/ml/random"
import { initTf, tf } from "../../../src/ml/tf"

const SOURCE_SCORES = [
  "score_for_you",
  "score_similar",
  "score_complement",
  "score_session",
  "score_trending",
  "score_content",
] as const satisfies readonly RankerFeatureName[]

/**
 * (shopper, candidate) rows with a planted rule no single column captures: several sources'
 * scores add up, a candidate in the shopper's price band and a recently touched category help,
 * popularity only matters for shoppers without history.
 */
function examples(n: number, seed: number, startAt = 0): RankerExample[] {
  const rng = createRng(seed)
  const score = () => (rng() < 0.5 ? rng() : 0)
  return Array.from({ length: n }, (_, i) => {
    const f: RankerFeatures = {
      score_for_you: score(),
      score_similar: score(),
      score_complement: score(),
      score_session: score(),
      score_trending: score(),
      score_content: score(),
      source_count: 0,
      popularity: Math.floor(rng() ** 3 * 500),
      price_band: Math.floor(rng() * 5),
      price_band_gap: Math.floor(rng() * 3),
      days_since_category_interaction: rng() < 0.3 ? RANKER_NEVER_DAYS : Math.floor(rng() * 60),
      days_since_item_interaction: rng() < 0.7 ? RANKER_NEVER_DAYS : Math.floor(rng() * 30),
      item_age_days: Math.floor(rng() * 400),
      shopper_history_size: rng() < 0.3 ? 0 : Math.floor(rng() * 50),
    }
    f.source_count = SOURCE_SCORES.filter((k) => f[k] > 0).length
    const cold = f.shopper_history_size === 0
    const logit =
      -3 +
      2 * f.score_for_you +
      2 * f.score_session +
      1.5 * f.score_content +
      1.5 * f.score_complement +
      (f.price_band_gap === 0 ? 1.2 : 0) +
      (f.days_since_category_interaction < 14 ? 1 : 0) +
      (cold ? 1.5 * Math.log1p(f.popularity) / Math.log1p(500) : 0)
    return { features: f, label: rng() < 1 / (1 + Math.exp(-logit)) ? 1 : 0, at: startAt + i * 1000 }
  })
}

describe("Ranker", () => {
  beforeAll(async () => {
    await initTf()
  })

  it("learns a planted blend from logged outcomes, beating the best single feature on a time holdout", async () => {
    const logged = examples(4000, 1)
    const { ranker, report } = await Ranker.train({ logged, implicit: [] })
    try {
      expect(report.label_source).toBe("logged")
      expect(report.train_rows).toBe(3200)
      expect(report.holdout_rows).toBe(800)
      expect(report.auc).toBeGreaterThan(0.75)
      expect(report.auc).toBeGreaterThan(report.baseline_auc + 0.05)
      expect(RANKER_FEATURES).toContain(report.baseline_feature)
      console.info(`ranker holdout AUC ${report.auc.toFixed(3)}, best single feature (${report.baseline_feature}) ${report.baseline_auc.toFixed(3)}`)
    } finally {
      ranker.dispose()
    }
  })

  it("falls back to time-split implicit labels while logged outcomes are too few", async () => {
    const data = { logged: examples(100, 2), implicit: examples(2000, 3) }
    expect(chooseLabelSource(data, DEFAULT_RANKER_CONFIG)).toBe("implicit")
    const { ranker, report } = await Ranker.train(data, { model: { epochs: 4 } })
    try {
      expect(report.label_source).toBe("implicit")
      expect(ranker.exportWeights().label_source).toBe("implicit")
      expect(report.auc).toBeGreaterThan(0.6)
    } finally {
      ranker.dispose()
    }
    await expect(Ranker.train({ logged: [], implicit: [] })).rejects.toBeInstanceOf(MlDataError)
  })

  it("round-trips as plain JSON, keeps tfjs memory flat and rejects a different feature list", async () => {
    const data = { logged: examples(1000, 4), implicit: [] }
    const rows = examples(50, 5).map((e) => e.features)
    const before = tf.memory().numTensors
    const { ranker } = await Ranker.train(data, { model: { epochs: 2 } })
    const weights = JSON.parse(JSON.stringify(ranker.exportWeights()))
    const restored = await Ranker.fromWeights(weights)
    expect(restored.score(rows)).toEqual(ranker.score(rows))
    ranker.dispose()
    restored.dispose()
    expect(tf.memory().numTensors).toBe(before)

    weights.model.encoder.schema.numeric.pop()
    await expect(Ranker.fromWeights(weights)).rejects.toBeInstanceOf(MlDataError)
  })
})
