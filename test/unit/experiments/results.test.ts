import { type ArmData, summariseExperiment } from "../../../src/experiments/results"
import { KNOWN } from "../../fixtures/experiment-known-answer"

const converters = (entries: Array<[string, Record<string, number>]>) =>
  new Map(entries.map(([actor, byCurrency]) => [actor, new Map(Object.entries(byCurrency))]))

describe("summariseExperiment", () => {
  it("computes per-arm conversion and revenue per visitor with intervals and both tests", () => {
    const data = new Map<string, ArmData>([
      ["control", { visitors: 10, converters: converters([["a1", { eur: 12.5 }], ["a2", { eur: 40 }], ["a3", { eur: 25 }]]) }],
      ["trending", { visitors: 8, converters: converters([["b1", { eur: 30 }], ["b2", { usd: 20 }]]) }],
    ])
    const results = summariseExperiment(["control", "trending"], data)
    const [control, treatment] = results.arms
    expect(control).toMatchObject({ name: "control", visitors: 10, conversions: 3, conversion_rate: 0.3 })
    expect(treatment).toMatchObject({ name: "trending", visitors: 8, conversions: 2, conversion_rate: 0.25 })
    expect(control!.conversion_ci[0]).toBeCloseTo(KNOWN.control.wilson[0]!, 6)
    expect(control!.conversion_ci[1]).toBeCloseTo(KNOWN.control.wilson[1]!, 6)
    expect(treatment!.conversion_ci[0]).toBeCloseTo(KNOWN.treatment.wilson[0]!, 6)
    expect(treatment!.conversion_ci[1]).toBeCloseTo(KNOWN.treatment.wilson[1]!, 6)

    for (const [arm, known] of [[control!, KNOWN.control], [treatment!, KNOWN.treatment]] as const) {
      expect(arm.revenue_per_visitor.map((r) => r.currency_code)).toEqual(["eur", "usd"])
      for (const [i, currency] of (["eur", "usd"] as const).entries()) {
        const [value, lo, hi] = known[currency]
        const rpv = arm.revenue_per_visitor[i]!
        expect(rpv.value).toBeCloseTo(value!, 9)
        expect(rpv.ci![0]).toBeCloseTo(lo!, 6)
        expect(rpv.ci![1]).toBeCloseTo(hi!, 6)
      }
    }
    expect(results.conversion_test).toMatchObject({ control: "control", treatment: "trending", significant: false })
    expect(results.conversion_test!.z).toBeCloseTo(KNOWN.z, 6)
    expect(results.conversion_test!.p_value).toBeCloseTo(KNOWN.zP, 6)
    // EUR: 4 converting visitors, USD: 1.
    expect(results.revenue_test).toMatchObject({ currency_code: "eur", significant: false })
    expect(results.revenue_test!.t).toBeCloseTo(KNOWN.t, 6)
    expect(results.revenue_test!.df).toBeCloseTo(KNOWN.df, 6)
    expect(results.revenue_test!.p_value).toBeCloseTo(KNOWN.tP, 6)
  })

  it("reports a clear winner as significant", () => {
    const buyers = (prefix: string, n: number) => converters(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, { eur: 20 + (i % 5) }]))
    const results = summariseExperiment(
      ["control", "new"],
      new Map([
        ["control", { visitors: 1000, converters: buyers("c", 30) }],
        ["new", { visitors: 1000, converters: buyers("n", 80) }],
      ])
    )
    expect(results.conversion_test!.significant).toBe(true)
    expect(results.conversion_test!.z).toBeGreaterThan(0)
    expect(results.revenue_test!.significant).toBe(true)
    expect(results.revenue_test!.t).toBeGreaterThan(0)
  })

  it("answers for an experiment without traffic: zero visitors, [0, 1] intervals, no tests", () => {
    const results = summariseExperiment(["a", "b", "c"], new Map())
    expect(results.arms).toEqual([
      { name: "a", visitors: 0, conversions: 0, conversion_rate: 0, conversion_ci: [0, 1], revenue_per_visitor: [] },
      { name: "b", visitors: 0, conversions: 0, conversion_rate: 0, conversion_ci: [0, 1], revenue_per_visitor: [] },
      { name: "c", visitors: 0, conversions: 0, conversion_rate: 0, conversion_ci: [0, 1], revenue_per_visitor: [] },
    ])
    expect(results.conversion_test).toBeNull()
    expect(results.revenue_test).toBeNull()
  })

  it("with visitors but no buyers: rates and intervals, but no test (nothing varies)", () => {
    const results = summariseExperiment(
      ["a", "b"],
      new Map([
        ["a", { visitors: 5, converters: new Map() }],
        ["b", { visitors: 1, converters: new Map() }],
      ])
    )
    expect(results.arms[0]!.conversion_ci[0]).toBe(0)
    expect(results.arms[1]!.visitors).toBe(1)
    expect(results.conversion_test).toBeNull()
    expect(results.revenue_test).toBeNull()
  })

  it("a single visitor's revenue has no known spread: its interval is the point itself", () => {
    const results = summariseExperiment(
      ["a", "b"],
      new Map([
        ["a", { visitors: 1, converters: converters([["a1", { eur: 15 }]]) }],
        ["b", { visitors: 0, converters: new Map() }],
      ])
    )
    expect(results.arms.map((a) => a.revenue_per_visitor)).toEqual([
      [{ currency_code: "eur", value: 15, ci: [15, 15] }],
      [{ currency_code: "eur", value: 0, ci: [0, 0] }],
    ])
    expect(results.revenue_test).toBeNull()
  })
})
