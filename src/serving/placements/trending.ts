import type { PlacementCandidates, PlacementContext } from "./placement-context"
import { asCandidates } from "./placement-context"

/** Most specific segment first: region and channel, region, channel, whole store. */
function segmentsFor(ctx: PlacementContext): Array<{ segment: string; regional: boolean }> {
  const segments: Array<{ segment: string; regional: boolean }> = []
  if (ctx.regionId) {
    for (const channel of ctx.salesChannelIds) segments.push({ segment: `region:${ctx.regionId}|channel:${channel}`, regional: true })
    segments.push({ segment: `region:${ctx.regionId}`, regional: true })
  }
  for (const channel of ctx.salesChannelIds) segments.push({ segment: `channel:${channel}`, regional: false })
  segments.push({ segment: "all", regional: false })
  return segments
}

/** Trending in the shopper's region (and channel) when that segment has data, else store-wide. */
export async function trendingCandidates(ctx: PlacementContext): Promise<PlacementCandidates> {
  const run = await ctx.runs.get("trending")
  if (!run) return { candidates: [], run: null, fallback: null }
  for (const { segment, regional } of segmentsFor(ctx)) {
    const entries = await ctx.lists.segment(run.id, segment)
    if (entries.length === 0) continue
    const reason =
      regional && ctx.regionName
        ? { code: "trending_in_region" as const, segmentLabel: ctx.regionName }
        : { code: "trending" as const }
    return { candidates: asCandidates(entries, "trending", reason), run, fallback: null }
  }
  return { candidates: [], run, fallback: null }
}

/** A placement with nothing of its own shows trending, marked as the fallback it is. */
export async function trendingFallback(ctx: PlacementContext): Promise<PlacementCandidates> {
  const trending = await trendingCandidates(ctx)
  return { ...trending, fallback: trending.candidates.length > 0 ? "trending" : null }
}
