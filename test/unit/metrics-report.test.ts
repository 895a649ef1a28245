import { AdminGetRecommendationMetricsParams } from "../../src/api/admin/recommendations/metrics/validators"
import { daysBetween, rate, reportRange } from "../../src/store/repositories/metrics-report"
import { metricKey, utcDay } from "../../src/store/repositories/metric-counters"

describe("metrics report helpers", () => {
  it("rates are rounded to 4 decimals and 0 when nothing was shown", () => {
    expect(rate(1, 3)).toBe(0.3333)
    expect(rate(2, 0)).toBe(0)
    expect(rate(0, 5)).toBe(0)
  })

  it("defaults to the last 30 days including today, in UTC", () => {
    const now = new Date("2026-11-29T23:30:00-05:00") // already the 30th in UTC
    expect(reportRange({ now })).toEqual({ from: "2026-11-01", to: "2026-11-30" })
    expect(reportRange({ to: "2026-03-01", now })).toEqual({ from: "2026-01-31", to: "2026-03-01" })
    expect(reportRange({ from: "2026-11-20", to: "2026-11-21", now })).toEqual({ from: "2026-11-20", to: "2026-11-21" })
  })

  it("lists every day of a range, across month and DST boundaries", () => {
    expect(daysBetween("2026-10-24", "2026-10-27")).toEqual(["2026-10-24", "2026-10-25", "2026-10-26", "2026-10-27"])
    expect(daysBetween("2026-02-27", "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"])
    expect(daysBetween("2026-03-02", "2026-03-01")).toEqual([])
  })

  it("metric keys use '' for no model, experiment or arm, and days are UTC", () => {
    expect(utcDay(new Date("2026-11-29T23:30:00-05:00"))).toBe("2026-11-30")
    expect(metricKey("2026-11-30", { placement: "related", modelRunId: null })).toEqual({
      day: "2026-11-30",
      placement: "related",
      modelRunId: "",
      experimentId: "",
      arm: "",
    })
  })
})

describe("GET /admin/recommendations/metrics parameters", () => {
  const parse = (q: Record<string, unknown>) => AdminGetRecommendationMetricsParams.safeParse(q)

  it("accepts real days in order, a placement and a run id", () => {
    expect(parse({ from: "2024-02-29", to: "2024-03-01", placement: "for_you", model_run_id: "5b0f2c1e-1d7a-4c55-9a40-3c0c8e0f1a2b" }).success).toBe(true)
    expect(parse({}).success).toBe(true)
  })

  it("refuses impossible days, a reversed or too long range, bad ids and unknown fields", () => {
    for (const q of [
      { from: "2026-02-29" },
      { to: "2026-1-01" },
      { from: "2026-11-02", to: "2026-11-01" },
      { from: "2025-01-01", to: "2026-01-02" },
      { model_run_id: "run-1" },
      { placement: "For You" },
      { limit: "10" },
    ]) {
      expect(parse(q).success).toBe(false)
    }
    expect(parse({ from: "2025-01-01", to: "2026-01-01" }).success).toBe(true)
  })
})
