import { MlDataError } from "../../../../src/ml/errors"
import {
  meanInterval,
  normalCritical,
  summarise,
  tCritical,
  twoProportionZTest,
  twoSidedTP,
  welchTTest,
  wilsonInterval,
} from "../../../../src/ml/stats"

// Known answers: R's printed output where R documents the case (sleep data), else the same
// quantity from SciPy 1.17 (binomtest(...).proportion_ci(method="wilson"), chi2_contingency(...,
// correction=False), ttest_ind(..., equal_var=False), ttest_1samp(...).confidence_interval()),
// an implementation independent of ours. Compared to 6 decimals unless noted.
const DIGITS = 6

describe("distribution functions (stdlib)", () => {
  it("gives the familiar critical values and tail areas", () => {
    expect(normalCritical(0.95)).toBeCloseTo(1.959963984540054, 12)
    expect(tCritical(0.95, 9)).toBeCloseTo(2.262157162798205, 10)
    // Fractional df, as Welch's test produces: scipy.stats.t.cdf(-2.5, 3.7) * 2.
    expect(twoSidedTP(2.5, 3.7)).toBeCloseTo(2 * 0.03591101145591339, 10)
    expect(twoSidedTP(-2.5, 3.7)).toBeCloseTo(2 * 0.03591101145591339, 10)
  })

  it("rejects impossible confidence levels and degrees of freedom", () => {
    expect(() => normalCritical(1)).toThrow(MlDataError)
    expect(() => tCritical(0.95, 0)).toThrow(MlDataError)
    expect(() => twoSidedTP(1, -1)).toThrow(MlDataError)
  })
})

describe("wilsonInterval", () => {
  it("matches R's prop.test(8, 20, correct = FALSE)$conf.int: 0.2188065 0.6134185", () => {
    const [lo, hi] = wilsonInterval(8, 20)
    expect(lo).toBeCloseTo(0.21880653237281705, DIGITS)
    expect(hi).toBeCloseTo(0.6134184992377467, DIGITS)
  })

  it("stays inside [0, 1] at the edges and is sensible for small counts", () => {
    const none = wilsonInterval(0, 10)
    expect(none[0]).toBe(0)
    expect(none[1]).toBeCloseTo(0.27753279986288926, DIGITS)
    const all = wilsonInterval(10, 10)
    expect(all[0]).toBeCloseTo(0.7224672001371109, DIGITS)
    expect(all[1]).toBe(1)
    const one = wilsonInterval(1, 50)
    expect(one[0]).toBeCloseTo(0.0035392592716462223, DIGITS)
    expect(one[1]).toBeCloseTo(0.10495443589637814, DIGITS)
  })

  it("knows nothing without trials, and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1])
    expect(() => wilsonInterval(3, 2)).toThrow(MlDataError)
    expect(() => wilsonInterval(1.5, 2)).toThrow(MlDataError)
    expect(() => wilsonInterval(-1, 2)).toThrow(MlDataError)
  })
})

describe("twoProportionZTest", () => {
  // z² = X-squared of prop.test(c(x1, x2), c(n1, n2), correct = FALSE); p-values equal.
  const cases: Array<[number, number, number, number, number, number]> = [
    [490, 500, 400, 500, 82.73748723186925, 9.370713134121627e-20],
    [83, 86, 90, 93, 0.009508518748184158, 0.9223200957342685],
    [30, 1000, 45, 1000, 3.116883116883117, 0.07748486513264485],
  ]
  it.each(cases)("control %i/%i vs treatment %i/%i: X-squared %f, p %f", (x1, n1, x2, n2, chi2, p) => {
    const test = twoProportionZTest({ successes: x1, trials: n1 }, { successes: x2, trials: n2 })!
    expect(test.z * test.z).toBeCloseTo(chi2, DIGITS)
    expect(test.pValue / p).toBeCloseTo(1, DIGITS) // relative: one p is 1e-20
    expect(Math.sign(test.z)).toBe(Math.sign(x2 / n2 - x1 / n1))
  })

  it("works the 30/1000 vs 45/1000 case by hand: pooled 0.0375, SE 0.0084963, z 1.7654700", () => {
    const test = twoProportionZTest({ successes: 30, trials: 1000 }, { successes: 45, trials: 1000 })!
    expect(test.pooledRate).toBeCloseTo(0.0375, 12)
    expect(test.z).toBeCloseTo(0.015 / Math.sqrt(0.0375 * 0.9625 * 0.002), 12)
    expect(test.z).toBeCloseTo(1.76547, 5)
  })

  it("is undefined (null) without trials or without variance", () => {
    expect(twoProportionZTest({ successes: 0, trials: 0 }, { successes: 1, trials: 10 })).toBeNull()
    expect(twoProportionZTest({ successes: 0, trials: 10 }, { successes: 0, trials: 20 })).toBeNull()
    expect(twoProportionZTest({ successes: 10, trials: 10 }, { successes: 20, trials: 20 })).toBeNull()
  })
})

describe("welchTTest and meanInterval", () => {
  // R: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939.
  const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
  const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]

  it("matches R's Welch test on the sleep data", () => {
    const test = welchTTest(summarise(sleep1), summarise(sleep2))!
    expect(test.t).toBeCloseTo(-1.8608134674868526, DIGITS)
    expect(test.df).toBeCloseTo(17.776473516178488, DIGITS)
    expect(test.pValue).toBeCloseTo(0.0793941401873583, DIGITS)
    expect(test.meanX).toBeCloseTo(0.75, 12)
    expect(test.meanY).toBeCloseTo(2.33, 12)
  })

  it("matches R's t.test(x)$conf.int for each group's mean", () => {
    const [lo1, hi1] = meanInterval(summarise(sleep1))!
    expect(lo1).toBeCloseTo(-0.5297804135262321, DIGITS)
    expect(hi1).toBeCloseTo(2.029780413526232, DIGITS)
    const [lo2, hi2] = meanInterval(summarise(sleep2))!
    expect(lo2).toBeCloseTo(0.8976775393767051, DIGITS)
    expect(hi2).toBeCloseTo(3.7623224606232943, DIGITS)
  })

  it("handles revenue per visitor with zeros for visitors who did not buy", () => {
    const a = [0, 0, 0, 0, 12.5, 0, 40, 0, 0, 25]
    const b = [0, 30, 0, 0, 0, 0, 0, 0]
    const test = welchTTest(summarise(a), summarise(b))!
    expect(test.t).toBeCloseTo(0.6875407996995806, DIGITS)
    expect(test.df).toBeCloseTo(15.968508085593976, DIGITS)
    expect(test.pValue).toBeCloseTo(0.5016070565563742, DIGITS)
    const ci = meanInterval(summarise(a))!
    expect(ci[0]).toBeCloseTo(-2.312079693840561, DIGITS)
    expect(ci[1]).toBeCloseTo(17.81207969384056, DIGITS)
  })

  it("is undefined (null) with fewer than two values or no spread at all", () => {
    expect(welchTTest(summarise([1]), summarise([1, 2, 3]))).toBeNull()
    expect(welchTTest(summarise([0, 0, 0]), summarise([0, 0]))).toBeNull()
    expect(meanInterval(summarise([5]))).toBeNull()
    expect(meanInterval(summarise([]))).toBeNull()
    // One constant sample is fine: df falls back to the other sample's n - 1.
    const oneSided = welchTTest(summarise([0, 0, 0]), summarise([1, 2, 3]))!
    expect(oneSided.df).toBeCloseTo(2, 12)
    expect(meanInterval(summarise([4, 4, 4]))).toEqual([4, 4])
  })

  it("summarises with the unbiased variance and rejects non-finite values", () => {
    expect(summarise([1, 2, 3, 4])).toEqual({ n: 4, mean: 2.5, variance: 5 / 3 })
    expect(summarise([])).toEqual({ n: 0, mean: 0, variance: 0 })
    expect(() => summarise([1, Number.NaN])).toThrow(MlDataError)
  })
})
