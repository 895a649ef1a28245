import { MlAbortedError, MlConfigError, MlDataError } from "../../../src/ml/errors"
import {
  recencyWeights,
  recommendForSession,
  scoreSession,
  trainSessionModel,
} from "../../../src/ml/models/session"

// Two browsing paths: people who look at 0 go on to 2; people who look at 1 go on to 3.
const sessions = [
  ...Array.from({ length: 4 }, () => [0, 2]),
  ...Array.from({ length: 4 }, () => [1, 3]),
  [4, 5],
]

describe("session model", () => {
  it("weights the latest views most", () => {
    expect([...recencyWeights([7, 8, 9], 0.5)]).toEqual([
      [9, 1],
      [8, 0.5],
      [7, 0.25],
    ])
    // A re-viewed item keeps the weight of its latest view.
    expect(recencyWeights([7, 8, 7], 0.5).get(7)).toBe(1)
  })

  it("ranks by what was viewed most recently: the same views in another order change the answer", () => {
    const state = trainSessionModel(sessions, 6, { repeatWeight: 0 })
    const next = (prefix: number[]) => recommendForSession(state, prefix, 1, { excludeViewed: true })[0]!.item
    expect(next([0, 1])).toBe(3)
    expect(next([1, 0])).toBe(2)
    // Without recency weighting the order would not matter.
    const flat = trainSessionModel(sessions, 6, { recency: 1, repeatWeight: 0 })
    const a = new Float64Array(6)
    const b = new Float64Array(6)
    scoreSession(flat, [0, 1], a)
    scoreSession(flat, [1, 0], b)
    expect(Array.from(a)).toEqual(Array.from(b))
  })

  it("follows the direction of browsing", () => {
    // 2 follows 0 in every past session: after viewing 2, the rules say nothing; after 0, they say 2.
    const rulesOnly = trainSessionModel(sessions, 6, { sknnWeight: 0, repeatWeight: 0 })
    const out = new Float64Array(6)
    scoreSession(rulesOnly, [0], out)
    expect(out[2]!).toBeGreaterThan(out[3]!)
    scoreSession(rulesOnly, [2], out)
    expect(out[0]!).toBeLessThan(1e-5) // popularity tie-break only
  })

  it("gives a bonus to what this session already viewed when asked", () => {
    const plain = trainSessionModel(sessions, 6, { repeatWeight: 0 })
    const repeat = trainSessionModel(sessions, 6, { repeatWeight: 2 })
    const out = new Float64Array(6)
    scoreSession(plain, [4, 0], out)
    const before = out[4]!
    scoreSession(repeat, [4, 0], out)
    expect(out[4]! - before).toBeCloseTo(2 * repeat.config.recency, 12)
  })

  it("falls back to popularity for a session it knows nothing about, and skips unknown ids", () => {
    const state = trainSessionModel(sessions, 6)
    const out = new Float64Array(6)
    scoreSession(state, [99], out)
    expect(Math.max(...out)).toBeLessThan(1e-5)
    expect(recommendForSession(state, [], 2).length).toBe(2)
  })

  it("is plain JSON, validates settings and stops on abort", () => {
    const state = trainSessionModel(sessions, 6)
    const copy = JSON.parse(JSON.stringify(state)) as typeof state
    const a = new Float64Array(6)
    const b = new Float64Array(6)
    scoreSession(state, [0, 1], a)
    scoreSession(copy, [0, 1], b)
    expect(Array.from(b)).toEqual(Array.from(a))
    expect(() => trainSessionModel(sessions, 6, { recency: 0 })).toThrow(MlConfigError)
    expect(() => trainSessionModel(sessions, 6, { neighbors: 1.5 })).toThrow(MlConfigError)
    expect(() => trainSessionModel([[9]], 6)).toThrow(MlDataError)
    expect(() => trainSessionModel([], 6)).toThrow(MlDataError)
    const controller = new AbortController()
    controller.abort()
    expect(() => trainSessionModel(sessions, 6, {}, { signal: controller.signal })).toThrow(MlAbortedError)
  })

  it("keeps only the most recent sessions when capped", () => {
    const state = trainSessionModel(sessions, 6, { maxSessions: 2 })
    expect(state.sessions).toEqual([[1, 3], [4, 5]])
  })
})
