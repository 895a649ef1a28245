import { topK } from "../../ml/eval/rank"
import { type TrendingEvent, type TrendingState, TRENDING_DEFAULTS, trainTrending } from "../../ml/models/trending"
import type { ModelSpec } from "../model-spec"
import type { TrainingData } from "../training-data"
import { popularityScores, weightOf } from "./behaviour"

function trendingEvents(data: TrainingData): TrendingEvent[] {
  const events: TrendingEvent[] = []
  for (let i = 0; i < data.actor.length; i++) {
    const weight = weightOf(data, i)
    if (weight <= 0) continue
    const r = data.region[i]!
    const c = data.channel[i]!
    events.push({
      item: data.product[i]!,
      time: data.time[i]!,
      weight,
      region: r >= 0 ? data.regions[r] : undefined,
      channel: c >= 0 ? data.channels[c] : undefined,
    })
  }
  return events
}

/** Share of holdout interactions (by weight) that land in a top-10 list. */
function weightedHitShare(top: Set<number>, holdout: TrainingData): { share: number; cases: number } {
  let hit = 0
  let total = 0
  let cases = 0
  for (let i = 0; i < holdout.actor.length; i++) {
    const w = weightOf(holdout, i)
    if (w <= 0) continue
    cases++
    total += w
    if (top.has(holdout.product[i]!)) hit += w
  }
  return { share: total > 0 ? hit / total : 0, cases }
}

/**
 * Trending: decayed popularity overall and per region, channel and region x channel, scored
 * on the holdout against all-time popularity. Segment keys: "all", "region:<id>",
 * "channel:<id>", "region:<id>|channel:<id>".
 */
export function trendingSpec(): ModelSpec<TrendingState> {
  return {
    kind: "trending",
    // The cold-start fallback must always exist; it is recorded against popularity, not gated by it.
    mustBeatBaseline: false,
    algorithm: () => "decayed-popularity",
    params: () => ({ half_life_hours: TRENDING_DEFAULTS.halfLifeHours, top_n: TRENDING_DEFAULTS.topN }),
    backend: async () => null,
    async evaluate(split, ctx) {
      const state = trainTrending(trendingEvents(split.train), {}, ctx)
      const trendingTop = new Set(state.overall.slice(0, 10).map((r) => r.item))
      const popularTop = new Set(topK(popularityScores(split.train), 10))
      const model = weightedHitShare(trendingTop, split.holdout)
      const baseline = weightedHitShare(popularTop, split.holdout)
      return { primary: "hit_share_at_10", metrics: { hit_share_at_10: model.share }, baseline: { hit_share_at_10: baseline.share }, cases: model.cases }
    },
    async fit(data, ctx) {
      return trainTrending(trendingEvents(data), {}, ctx)
    },
    async materialise(state, data, writer) {
      const items = (list: Array<{ item: number; score: number }>) =>
        list.map((r) => ({ productId: data.products[r.item]!, score: r.score }))
      await writer.segment("all", items(state.overall))
      for (const [region, list] of Object.entries(state.byRegion)) await writer.segment(`region:${region}`, items(list))
      for (const [channel, list] of Object.entries(state.byChannel)) await writer.segment(`channel:${channel}`, items(list))
      for (const [region, channels] of Object.entries(state.byRegionChannel)) {
        for (const [channel, list] of Object.entries(channels)) {
          await writer.segment(`region:${region}|channel:${channel}`, items(list))
        }
      }
    },
  }
}
