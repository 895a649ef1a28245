import { MlConfigError, MlDataError } from "../../../src/ml/errors"
import { decayWeight, trainTrending, trendingFor, type TrendingEvent } from "../../../src/ml/models/trending"

const HOUR = 3_600_000
const NOW = Date.UTC(2026, 10, 1)

describe("trending", () => {
  it("halves an event's weight every half-life and never boosts future events", () => {
    expect(decayWeight(0, 10)).toBe(1)
    expect(decayWeight(10, 10)).toBeCloseTo(0.5, 12)
    expect(decayWeight(30, 10)).toBeCloseTo(0.125, 12)
    expect(decayWeight(-5, 10)).toBe(1)
    expect(decayWeight(1e12, Infinity)).toBe(1)
  })

  it("lets fresh interest beat old volume", () => {
    const events: TrendingEvent[] = [
      ...Array.from({ length: 10 }, () => ({ item: 1, time: NOW - 240 * HOUR })), // 10 views 10 days ago
      ...Array.from({ length: 3 }, () => ({ item: 2, time: NOW - 1 * HOUR })),
    ]
    const state = trainTrending(events, { halfLifeHours: 24, now: NOW })
    expect(state.overall.map((r) => r.item)).toEqual([2, 1])
    expect(state.overall[0]!.score).toBeCloseTo(3 * Math.pow(2, -1 / 24), 12)
    expect(state.overall[1]!.score).toBeCloseTo(10 * Math.pow(2, -10), 12)
    // With a long half-life, volume wins again.
    expect(trainTrending(events, { halfLifeHours: 24 * 365, now: NOW }).overall[0]!.item).toBe(1)
  })

  it("ranks per region, per channel and per region x channel, and weights event kinds", () => {
    const events: TrendingEvent[] = [
      { item: 1, time: NOW, region: "eu", channel: "web" },
      { item: 1, time: NOW, region: "eu", channel: "web" },
      { item: 2, time: NOW, region: "us", channel: "web", weight: 5 }, // a purchase
      { item: 3, time: NOW, region: "us", channel: "app" },
      { item: 3, time: NOW, region: "us", channel: "app" },
      { item: 4, time: NOW }, // no segment: overall only
    ]
    const state = trainTrending(events, { segmentPrior: 0 })
    expect(state.overall.map((r) => r.item)).toEqual([2, 1, 3, 4])
    expect(state.byRegion.eu!.map((r) => r.item)).toEqual([1])
    expect(state.byRegion.us!.map((r) => r.item)).toEqual([2, 3])
    expect(state.byChannel.app!.map((r) => r.item)).toEqual([3])
    expect(state.byRegionChannel.us!.web!.map((r) => r.item)).toEqual([2])
    expect(trendingFor(state, { region: "us", channel: "app" })[0]!.item).toBe(3)
    expect(trendingFor(state, { region: "eu", channel: "app" })).toBe(state.byRegion.eu) // no eu x app data
    expect(trendingFor(state, { channel: "app" })).toBe(state.byChannel.app)
    expect(trendingFor(state, { region: "mars" })).toBe(state.overall)
    expect(trendingFor(state, { region: "__proto__" })).toBe(state.overall)
  })

  it("fills thin segments from the overall trend: one sale does not make a trend, five do", () => {
    const overall: TrendingEvent[] = Array.from({ length: 50 }, () => ({ item: 7, time: NOW, region: "eu" }))
    const sales = (n: number): TrendingEvent[] => Array.from({ length: n }, () => ({ item: 8, time: NOW, region: "nz" }))
    // Prior of 2 pseudo-events shared as overall: item 7 gets about 2, item 8 its sales plus a sliver.
    expect(trainTrending([...overall, ...sales(1)], { segmentPrior: 2 }).byRegion.nz!.map((r) => r.item)).toEqual([7, 8])
    expect(trainTrending([...overall, ...sales(5)], { segmentPrior: 2 }).byRegion.nz!.map((r) => r.item)).toEqual([8, 7])
    // Without a prior a segment only lists its own items.
    expect(trainTrending([...overall, ...sales(1)], { segmentPrior: 0 }).byRegion.nz!.map((r) => r.item)).toEqual([8])
  })

  it("breaks ties by item id, keeps topN and survives JSON", () => {
    const events: TrendingEvent[] = [5, 3, 9, 1].map((item) => ({ item, time: NOW }))
    const state = trainTrending(events, { topN: 3 })
    expect(state.overall.map((r) => r.item)).toEqual([1, 3, 5])
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
  })

  it("rejects bad settings and events", () => {
    expect(() => trainTrending([], { halfLifeHours: 0 })).toThrow(MlConfigError)
    expect(() => trainTrending([{ item: -1, time: NOW }])).toThrow(MlDataError)
    expect(() => trainTrending([{ item: 1, time: Number.NaN }])).toThrow(MlDataError)
    expect(trainTrending([]).overall).toEqual([])
  })
})
