import { parseDiginetica } from "../../../src/ml/datasets/diginetica"
import { MlDataError } from "../../../src/ml/errors"
import { evaluateSessionScorer, splitSessions } from "../../../src/ml/eval/protocols/p3-session"
import { scoreLastItem, trainCooccurrenceBaseline } from "../../../src/ml/models/cooccurrence-baseline"

const CSV = [
  "session_id;user_id;item_id;timeframe;eventdate",
  "2;NA;30;500;2016-01-02",
  "2;NA;10;100;2016-01-01", // earlier timeframe comes first; the session's date is its latest
  "1;NA;10;5;2016-01-01",
  "1;NA;20;9;2016-01-01",
  "3;NA;20;1;2016-01-03",
  "3;NA;10;2;2016-01-03",
  "3;NA;40;3;2016-01-03", // 40 is never viewed in training
  "3;NA;30;4;2016-01-03",
].join("\n")

describe("P3 diginetica loader", () => {
  it("orders views by timeframe and sessions by date, dating a session by its last view", () => {
    const data = parseDiginetica(CSV)
    expect(data.itemNames).toEqual(["10", "20", "30", "40"])
    expect(data.sessions).toEqual([
      { sessionId: "1", date: "2016-01-01", items: [0, 1] },
      { sessionId: "2", date: "2016-01-02", items: [0, 2] },
      { sessionId: "3", date: "2016-01-03", items: [1, 0, 3, 2] },
    ])
  })

  it("rejects malformed rows", () => {
    expect(() => parseDiginetica("session_id;item_id;timeframe;eventdate\n1;2;x;2016-01-01")).toThrow(MlDataError)
    expect(() => parseDiginetica("session_id;item_id\n1;2")).toThrow(MlDataError)
  })
})

describe("P3 split and evaluation", () => {
  const data = parseDiginetica(CSV)
  const split = splitSessions(data.sessions, data.itemNames.length, 1)

  it("tests on the sessions of the last distinct days and counts every next view as a case", () => {
    expect(split.stats).toEqual({ train_sessions: 2, test_sessions: 1, cases: 3, items: 4, catalogue_items: 3 })
  })

  it("counts unseen targets as misses and gives tied candidates half credit", () => {
    // Cases of session 3 [20, 10, 40, 30]: 10 | 20; 40 | 20,10 (unseen: a miss); 30 | 20,10,40.
    // All scores equal: each seen target ties with the 2 other catalogue items -> rank 1.
    const flat = evaluateSessionScorer(split, (_p, out) => out.fill(0), 2)
    expect(flat.hr).toBeCloseTo(2 / 3, 12)
    expect(flat.mrr).toBeCloseTo((1 / 2 + 0 + 1 / 2) / 3, 12)
    // With K = 1 a rank of exactly 1 is not a hit: a constant model gets nothing.
    expect(evaluateSessionScorer(split, (_p, out) => out.fill(0), 1).hr).toBe(0)
  })

  it("can leave already viewed items out of the candidates", () => {
    // Scores favour the prefix; excluding it puts the target first.
    const scorer = (prefix: readonly number[], out: Float64Array) => {
      out.fill(0)
      for (const item of prefix) out[item] = 5
    }
    expect(evaluateSessionScorer(split, scorer, 1).hr).toBe(0)
    expect(evaluateSessionScorer(split, scorer, 1, { excludeViewed: true }).hr).toBeCloseTo(2 / 3, 12)
  })
})

describe("last-item co-occurrence baseline", () => {
  it("counts every ordered pair of distinct positions, repeats included", () => {
    const state = trainCooccurrenceBaseline([[0, 1, 0], [1, 2]], 3)
    const out = new Float64Array(3)
    scoreLastItem(state, [0], out)
    // Session [0, 1, 0]: (0,1) twice, (0,0) twice (positions 0,2 and 2,0).
    expect(Array.from(out)).toEqual([2, 2, 0])
    scoreLastItem(state, [0, 1], out)
    expect(Array.from(out)).toEqual([2, 0, 1])
    expect(state.popularity).toEqual([2, 2, 1])
  })

  it("breaks ties with popularity only when asked", () => {
    const state = trainCooccurrenceBaseline([[0, 1], [0, 2], [2, 3], [2]], 4)
    const out = new Float64Array(4)
    scoreLastItem(state, [0], out, 1e-6)
    expect(out[2]!).toBeGreaterThan(out[1]!) // co 1 each; item 2 has 3 views, item 1 has 1
    expect(out[3]!).toBeCloseTo(1e-6, 12)
  })

  it("survives a JSON round trip", () => {
    const state = trainCooccurrenceBaseline([[0, 1, 2]], 3)
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
  })
})
