import type { RecommendationEngine } from "./recommendation-engine"
import { SESSION_DECAY, sessionEvidence } from "./session-evidence"
import type { ShopperActivity } from "./shopper-activity"

/** How much each kind of evidence counts; live session evidence is worth as much as the nightly list. */
const WEIGHTS = { forYou: 1, session: 1, viewed: 0.3, category: 0.5 }

/**
 * The shopper's affinity for products, from what serving already has at hand: their for-you
 * list, neighbours of this session's views, the products they viewed, and the categories of
 * their recent views (recency-weighted). Products with no evidence are absent (affinity 0).
 */
export async function personalAffinity(
  engine: RecommendationEngine,
  actorId: string,
  activity: ShopperActivity
): Promise<(productId: string) => number> {
  const affinity = new Map<string, number>()
  const add = (id: string, value: number) => affinity.set(id, (affinity.get(id) ?? 0) + value)
  const addNormalised = (entries: Array<{ productId: string; score: number }>, weight: number) => {
    const max = Math.max(0, ...entries.map((e) => e.score))
    if (max > 0) for (const e of entries) if (e.score > 0) add(e.productId, (weight * e.score) / max)
  }

  const [forYouRun, catalog] = await Promise.all([engine.runs.get("for_you"), engine.catalog.snapshot()])
  if (forYouRun) addNormalised(await engine.lists.actorList(forYouRun.id, "for_you", actorId), WEIGHTS.forYou)
  for (const e of await sessionEvidence(engine.runs, engine.lists, activity.session)) addNormalised(e.entries, WEIGHTS.session * e.weight)
  const categories = new Map<string, number>()
  for (const [i, touch] of activity.recentlyViewed.entries()) {
    const recency = SESSION_DECAY ** Math.min(i, 20)
    add(touch.productId, WEIGHTS.viewed * recency)
    for (const c of catalog.get(touch.productId)?.categoryIds ?? []) categories.set(c, (categories.get(c) ?? 0) + recency)
  }
  const topCategory = Math.max(0, ...categories.values())
  return (productId) => {
    const own = affinity.get(productId) ?? 0
    if (topCategory === 0) return own
    const category = Math.max(0, ...(catalog.get(productId)?.categoryIds ?? []).map((c) => categories.get(c) ?? 0))
    return own + (WEIGHTS.category * category) / topCategory
  }
}
