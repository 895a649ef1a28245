import { interactionsFromRows } from "../../../src/ml/data/interactions"
import { MlConfigError } from "../../../src/ml/errors"
import { createForYouModel, DEFAULT_EASE_MAX_ITEMS, restoreForYouModel } from "../../../src/ml/models/for-you"
import { initTf } from "../../../src/ml/tf"

describe("for-you model choice", () => {
  it("uses the EASE + ALS blend up to the item threshold and ALS alone above it", () => {
    expect(createForYouModel(DEFAULT_EASE_MAX_ITEMS).name).toBe("ease+als")
    expect(createForYouModel(DEFAULT_EASE_MAX_ITEMS + 1).name).toBe("als")
    expect(createForYouModel(50, { easeMaxItems: 50 }).name).toBe("ease+als")
    expect(createForYouModel(51, { easeMaxItems: 50 }).name).toBe("als")
    expect(createForYouModel(50, { alsWeight: 0 }).name).toBe("ease")
    expect(() => createForYouModel(10, { easeMaxItems: -1 })).toThrow(MlConfigError)
    expect(() => createForYouModel(10, { alsWeight: 2 })).toThrow(MlConfigError)
  })

  it("blends both parts, reports progress to 1 and restores from plain state", async () => {
    await initTf()
    const rows = []
    for (let user = 0; user < 12; user++) {
      for (let item = 0; item < 10; item++) if ((user + item) % 3 !== 0) rows.push({ user, item })
    }
    const train = interactionsFromRows(rows)
    const model = createForYouModel(train.itemCount, { ease: { lambda: 1 }, als: { factors: 3, regularization: 1 } })
    const fractions: number[] = []
    await model.fit(train, { onProgress: (f) => fractions.push(f) })
    expect(fractions.at(-1)).toBe(1)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))

    const scores = model.scoreUser(4)
    expect(scores).toHaveLength(10)
    expect(Math.max(...Array.from(scores, Math.abs))).toBeLessThanOrEqual(1 + 1e-6) // both parts scaled to 1
    const state = model.toState()
    expect(state.kind).toBe("ease+als")
    const restored = restoreForYouModel(state)
    expect(Array.from(restored.scoreUser(4))).toEqual(Array.from(scores))
    expect(Array.from(restored.scoreItems({ items: [1, 2] }))).toEqual(Array.from(model.scoreItems({ items: [1, 2] })))
  })
})
