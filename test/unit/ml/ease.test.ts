import { interactionsFromRows } from "../../../src/ml/data/interactions"
import { MlAbortedError } from "../../../src/ml/errors"
import { spdInverseSmall } from "../../../src/ml/linalg/cholesky"
import { spdInverse } from "../../../src/ml/linalg/spd-inverse"
import { EaseModel } from "../../../src/ml/models/ease"
import { restoreForYouModel } from "../../../src/ml/models/for-you"
import { createRng } from "../../../src/ml/random"
import { initTf, tf } from "../../../src/ml/tf"

// Users {0,1}, {1,2}, {0,1,2}, {2}: G = XᵀX = [[2,2,1],[2,3,2],[1,2,3]]; with λ = 1,
// G + I = [[3,2,1],[2,4,2],[1,2,4]], det 24, P = (1/24)[[12,-6,0],[-6,11,-4],[0,-4,8]],
// B_ij = -P_ij / P_jj: B_01 = 6/11, B_10 = 1/2, B_12 = 1/2, B_21 = 4/11, B_02 = B_20 = 0.
const tiny = interactionsFromRows([
  { user: 0, item: 0 },
  { user: 0, item: 1 },
  { user: 1, item: 1 },
  { user: 1, item: 2 },
  { user: 2, item: 0 },
  { user: 2, item: 1 },
  { user: 2, item: 2 },
  { user: 3, item: 2, weight: 5 },
])
const handB = [0, 6 / 11, 0, 1 / 2, 0, 1 / 2, 0, 4 / 11, 0]

describe("EASE", () => {
  beforeAll(async () => {
    await initTf()
  })

  it("matches the hand-computed closed form", async () => {
    const model = new EaseModel({ lambda: 1 })
    await model.fit(tiny)
    const state = model.toState()
    Array.from(state.weights).forEach((w, k) => expect(w).toBeCloseTo(handB[k]!, 5))
  })

  it("scores a known user and an item history from B's rows", async () => {
    const model = new EaseModel({ lambda: 1 })
    await model.fit(tiny)
    const expected = [1 / 2, 6 / 11, 1 / 2] // rows 0 + 1
    Array.from(model.scoreUser(0)).forEach((s, k) => expect(s).toBeCloseTo(expected[k]!, 5))
    Array.from(model.scoreItems({ items: [0, 1] })).forEach((s, k) => expect(s).toBeCloseTo(expected[k]!, 5))
    expect(Array.from(model.scoreUser(99))).toEqual([0, 0, 0])
    // Binary input: user 3's weight 5 counts as 1.
    Array.from(model.scoreUser(3)).forEach((s, k) => expect(s).toBeCloseTo([0, 4 / 11, 0][k]!, 5))
  })

  it("adds the dropout emphasis p/(1-p)·G_jj to the diagonal", async () => {
    // p = 0.5 doubles each diagonal count: G + Λ = [[5,2,1],[2,7,2],[1,2,7]] with λ = 1.
    const model = new EaseModel({ lambda: 1, dropout: 0.5 })
    await model.fit(tiny)
    const p = spdInverseSmall(Float64Array.of(5, 2, 1, 2, 7, 2, 1, 2, 7), 3)
    const weights = model.toState().weights
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(weights[i * 3 + j]).toBeCloseTo(i === j ? 0 : -p[i * 3 + j]! / p[j * 3 + j]!, 5)
    }
  })

  it("survives a state round trip", async () => {
    const model = new EaseModel({ lambda: 1 })
    await model.fit(tiny)
    const restored = restoreForYouModel(model.toState())
    expect(Array.from(restored.scoreUser(2))).toEqual(Array.from(model.scoreUser(2)))
  })

  it("leaves no tensors behind and stops on an aborted signal", async () => {
    const before = tf.memory().numTensors
    await new EaseModel({ lambda: 1 }).fit(tiny)
    expect(tf.memory().numTensors).toBe(before)
    const controller = new AbortController()
    controller.abort()
    await expect(new EaseModel().fit(tiny, { signal: controller.signal })).rejects.toThrow(MlAbortedError)
  })
})

describe("spdInverse (tfjs block inversion)", () => {
  it("agrees with the Float64 Cholesky inverse through several recursion levels", async () => {
    await initTf()
    const n = 150
    const rng = createRng(3)
    const x = new Float64Array(n * n)
    for (let k = 0; k < x.length; k++) x[k] = rng() < 0.1 ? 1 : 0
    const a = new Float64Array(n * n)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = i === j ? 5 : 0
        for (let k = 0; k < n; k++) s += x[k * n + i]! * x[k * n + j]!
        a[i * n + j] = s
      }
    }
    const expected = spdInverseSmall(a, n)
    const before = tf.memory().numTensors
    const input = tf.tensor2d(Float32Array.from(a), [n, n])
    const fractions: number[] = []
    const inverse = await spdInverse(input, { baseSize: 16, checkpoint: async (f) => void fractions.push(f) })
    const got = await inverse.data()
    tf.dispose([input, inverse])
    expect(tf.memory().numTensors).toBe(before)
    let worst = 0
    for (let k = 0; k < got.length; k++) worst = Math.max(worst, Math.abs(got[k]! - expected[k]!))
    expect(worst).toBeLessThan(1e-5)
    expect(fractions).toEqual([...fractions].sort((p, q) => p - q))
    expect(fractions.at(-1)).toBe(1)
  })

  it("frees every intermediate block when a checkpoint throws mid-way (a cancelled job)", async () => {
    await initTf()
    const n = 100
    const identity = Float32Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 2 : 0))
    const input = tf.tensor2d(identity, [n, n])
    const before = tf.memory().numTensors
    let calls = 0
    const stop = async () => {
      if (++calls === 4) throw new MlAbortedError("aborted")
    }
    await expect(spdInverse(input, { baseSize: 16, checkpoint: stop })).rejects.toThrow(MlAbortedError)
    expect(tf.memory().numTensors).toBe(before)
    input.dispose()
  })
})
