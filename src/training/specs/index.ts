import type { ModelSpec } from "../model-spec"
import { contentSpec } from "./content-spec"
import { forYouSpec } from "./for-you-spec"
import { intentSpec } from "./intent-spec"
import { neighborsSpec } from "./neighbors-spec"
import { sessionSpec } from "./session-spec"
import { trendingSpec } from "./trending-spec"

/** The model kinds a training job trains, in order: the cold-start fallback first. */
export function defaultModelSpecs(): Array<ModelSpec<unknown>> {
  return [trendingSpec(), neighborsSpec(), sessionSpec(), contentSpec(), forYouSpec(), intentSpec()] as Array<ModelSpec<unknown>>
}
