import { MlAbortedError, MlDataError } from "../../../src/ml/errors"
import { rocAuc } from "../../../src/ml/eval/metrics"
import { SESSION_INTENT_SCHEMA, type SessionFeatures } from "../../../src/ml/features/session-features"
import { IntentModel } from "../../../src/ml/models/intent"
import { createRng } from "../../../src/ml/random"
import { initTf, tf } from "../../../src/ml/tf"

/**
 * Store-side sessions with a planted rule: buyers add to cart and stay longer, returning
 * shoppers buy more; about 15% buy (as in the UCI data). Search count is pure noise.
 */
function sessions(n: number, seed: number): { rows: SessionFeatures[]; labels: number[] } {
  const rng = createRng(seed)
  const rows: SessionFeatures[] = []
  const labels: number[] = []
  for (let i = 0; i < n; i++) {
    const views = Math.floor(rng() * 20)
    const cartAdds = rng() < 0.3 ? 1 + Math.floor(rng() * 3) : 0
    const returning = rng() < 0.6
    const duration = views * (20 + rng() * 60)
    const logit = -3.2 + 1.4 * cartAdds + 0.9 * (returning ? 1 : 0) + 0.6 * Math.log1p(duration / 60) + (rng() - 0.5)
    labels.push(rng() < 1 / (1 + Math.exp(-logit)) ? 1 : 0)
    rows.push({
      view_count: views,
      distinct_products_viewed: Math.min(views, Math.floor(rng() * 10)),
      search_count: Math.floor(rng() * 4),
      click_count: 0,
      cart_add_count: cartAdds,
      cart_remove_count: cartAdds > 1 && rng() < 0.3 ? 1 : 0,
      duration_seconds: duration,
      seconds_since_previous_visit: returning ? rng() * 1e6 : 0,
      is_returning: returning,
      weekend: rng() < 0.25,
      month: ["Mar", "May", "Nov", "Dec"][Math.floor(rng() * 4)]!,
    })
  }
  return { rows, labels }
}

describe("IntentModel", () => {
  const train = sessions(1500, 1)
  const test = sessions(600, 2)

  beforeAll(async () => {
    await initTf()
  })

  it("learns a planted purchase rule from store-side session features", async () => {
    const model = await IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.labels, { epochs: 8 })
    try {
      const auc = rocAuc(model.predict(test.rows), test.labels)
      expect(auc).toBeGreaterThan(0.78) // the planted rule itself scores 0.81 on this test set
      expect(model.threshold).toBeGreaterThan(0)
      expect(model.threshold).toBeLessThan(1)
      expect(model.classify(test.rows)).toHaveLength(test.rows.length)
      expect(model.trainStats!.train_ms).toBeGreaterThan(0)
      expect(model.trainStats!.peak_tensor_bytes).toBeGreaterThan(0)
    } finally {
      model.dispose()
    }
  })

  it("does not grow tfjs memory across fit/predict cycles", async () => {
    const before = tf.memory().numTensors
    for (let cycle = 0; cycle < 2; cycle++) {
      const model = await IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.labels, { epochs: 2 })
      const alive = tf.memory().numTensors
      model.predict(test.rows)
      model.predict(test.rows)
      expect(tf.memory().numTensors).toBe(alive) // predicting allocates nothing that stays
      model.dispose()
      expect(tf.memory().numTensors).toBe(before)
    }
  })

  it("round-trips its weights, encoder and threshold as plain JSON, and is seeded", async () => {
    const model = await IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.labels, { epochs: 3 })
    const again = await IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.labels, { epochs: 3 })
    const restored = await IntentModel.fromWeights(JSON.parse(JSON.stringify(model.exportWeights())))
    try {
      expect(again.predict(test.rows)).toEqual(model.predict(test.rows))
      expect(restored.predict(test.rows)).toEqual(model.predict(test.rows))
      expect(restored.threshold).toBe(model.threshold)
    } finally {
      for (const m of [model, again, restored]) m.dispose()
    }
  })

  it("is logistic regression with no hidden layer", async () => {
    const model = await IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.labels, { hiddenUnits: [], epochs: 12 })
    try {
      expect(model.exportWeights().layers.map((l) => [l.inputs, l.units])).toEqual([[model.encoder.width, 1]])
      expect(rocAuc(model.predict(test.rows), test.labels)).toBeGreaterThan(0.75)
    } finally {
      model.dispose()
    }
  })

  it("reports progress, stops on abort without leaking, and refuses one-class data", async () => {
    const before = tf.memory().numTensors
    const controller = new AbortController()
    const progress: number[] = []
    await expect(
      IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.labels, { epochs: 4 }, {
        signal: controller.signal,
        onProgress: (fraction) => {
          progress.push(fraction)
          controller.abort()
        },
      })
    ).rejects.toBeInstanceOf(MlAbortedError)
    expect(progress).toEqual([0.25])
    expect(tf.memory().numTensors).toBe(before)
    await expect(
      IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.rows.map(() => 0))
    ).rejects.toBeInstanceOf(MlDataError)
  })
})
