import { blendCandidates } from "../ml/rank"
import type { ActiveRun } from "./active-runs"
import type { ExperimentChoice } from "./experiment-assigner"
import { type Placement, type PlacementCandidates, type PlacementContext, placementCandidates, type RunLookup } from "./placements"
import { trendingCandidates } from "./placements/trending"

/**
 * The model kinds each placement reads (trending: every placement's fallback); a `model_run`
 * arm must serve one of these, or it would change nothing. Kept beside placements/*.ts.
 */
export const PLACEMENT_RUN_KINDS: Record<Placement, readonly string[]> = {
  for_you: ["for_you", "session", "item_neighbors", "trending"],
  related: ["item_neighbors", "session", "content", "trending"],
  bought_together: ["item_neighbors", "content", "trending"],
  cart: ["item_neighbors", "trending"],
  trending: ["trending"],
  recently_viewed: [],
}

/** Blend arms without a weight split evenly between the model and trending. */
const DEFAULT_BLEND_WEIGHT = 0.5

/** The run lookup of one request with one run standing in for the active run of its kind. */
export function withRun(runs: RunLookup, run: ActiveRun): RunLookup {
  return { get: (kind) => (kind === run.kind ? Promise.resolve(run) : runs.get(kind)) }
}

/**
 * A placement's candidates under an experiment arm's strategy (no arm: the placement as usual).
 * `active_model`: as usual. `model_run`: as usual, but the arm's run serves instead of the active
 * run of its kind (if that run is gone, the active one). `trending`: the trending placement's
 * candidates, a popularity control. `blend`: the placement's model candidates weighted
 * `blend_weight`, trending the rest, each normalised to its best item first (blendCandidates).
 */
export async function armCandidates(
  placement: Placement,
  ctx: PlacementContext,
  choice: ExperimentChoice | null
): Promise<PlacementCandidates> {
  switch (choice?.arm.strategy ?? "active_model") {
    case "active_model":
      return placementCandidates(placement, ctx)
    case "model_run":
      return placementCandidates(placement, choice?.run ? { ...ctx, runs: withRun(ctx.runs, choice.run) } : ctx)
    case "trending":
      return trendingCandidates(ctx)
    case "blend": {
      const weight = choice?.arm.blend_weight ?? DEFAULT_BLEND_WEIGHT
      const [model, trending] = await Promise.all([placementCandidates(placement, ctx), trendingCandidates(ctx)])
      const candidates = blendCandidates([
        { source: "model", weight, items: model.candidates },
        { source: "trending", weight: 1 - weight, items: trending.candidates },
      ])
      const modelServes = model.candidates.length > 0 && weight > 0
      return {
        candidates,
        run: modelServes ? model.run : trending.run,
        fallback: modelServes ? model.fallback : candidates.length > 0 ? "trending" : null,
      }
    }
  }
}
