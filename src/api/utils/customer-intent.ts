import type RecommendationsModuleService from "../../modules/recommendations/service"
import { IntentScorer } from "../../serving/promotions/intent-scorer"
import type { RecommendationEngine } from "../../serving/recommendation-engine"
import { lastBrowsingAt } from "../../store/repositories/customer-behaviour"

/** One restored intent model per serving engine (per process), made on first use. */
const scorers = new WeakMap<RecommendationEngine, IntentScorer>()

/**
 * Purchase intent of the shopper's latest session, from the active `intent` run's weights (the
 * scorer the promotions placement uses), with the session taken as of its last browsing event:
 * the admin sees how likely their last visit was to end in a purchase. Null without an active
 * intent run, without browsing, or when the weights cannot be read.
 */
export async function latestSessionIntent(
  service: RecommendationsModuleService,
  actorId: string,
  warn: (message: string) => void
): Promise<{ probability: number; model_run_id: string } | null> {
  const engine = service.serving
  const run = await engine.runs.get("intent")
  if (!run) return null
  const at = await lastBrowsingAt(service.dataSource, actorId)
  if (!at) return null
  let scorer = scorers.get(engine)
  if (!scorer) {
    scorer = new IntentScorer(service.dataSource, warn)
    scorers.set(engine, scorer)
  }
  const intent = await scorer.score(run, actorId, at, service.options.serving.sessionGapMinutes * 60_000)
  return intent && { probability: Math.round(intent.probability * 1e4) / 1e4, model_run_id: intent.runId }
}
