import { randomUUID } from "node:crypto"
import type { DataSource } from "typeorm"
import type { Actor } from "../../capture/actor"
import {
  fitPromotions,
  type FitPromotion,
  type PromotionReason,
  promotionReasonText,
  shopperInterest,
  type TargetField,
} from "../../ml/rank/promotion-fit"
import type { ServedItem } from "../../store/entities/reco-served-recommendation.entity"
import type { RecommendationEngine } from "../recommendation-engine"
import { loadShopperActivity } from "../shopper-activity"
import { IntentScorer, type SessionIntent } from "./intent-scorer"
import { isLiveNow, type PromotionRecord, type PromotionShopperContext, rulesAllow, toFitPromotion } from "./promotion-record"

export const PROMOTIONS_PLACEMENT = "promotions"

export type PromotionRecommendRequest = {
  actor: Actor
  /** Medusa's promotions with status active (dates, limits and rules are checked here). */
  promotions: PromotionRecord[]
  shopper: PromotionShopperContext
  cartProductIds: string[]
  limit: number
  now?: Date
  context?: Record<string, string | null>
}

/** Display names of categories and collections (Medusa's), asked only for those a reason names. */
export type TargetNames = (ids: { categoryIds: string[]; collectionIds: string[] }) => Promise<Map<string, string>>

export type RecommendedPromotion = {
  promotion: PromotionRecord
  score: number
  reason: PromotionReason & { text: string }
}

export type PromotionRecommendation = {
  recommendationId: string
  intent: SessionIntent | null
  promotions: RecommendedPromotion[]
}

export type PromotionServingDeps = {
  dataSource: DataSource
  engine: RecommendationEngine
  sessionGapMinutes: number
  warn: (message: string) => void
}

/** One intent model cache per serving engine (per process), made on first use. */
const scorers = new WeakMap<RecommendationEngine, IntentScorer>()

function scorerFor(deps: PromotionServingDeps): IntentScorer {
  let scorer = scorers.get(deps.engine)
  if (!scorer) scorers.set(deps.engine, (scorer = new IntentScorer(deps.dataSource, deps.warn)))
  return scorer
}

/**
 * The live promotions that fit this shopper, best first, each with a reason: what the shopper
 * cares about comes from their for-you list, their recent views (read live, so a view sent a
 * moment ago counts) and the request's cart; intent from the active intent model, if any.
 * Scoring is src/ml/rank/promotion-fit.ts. The response is logged to the served log (placement
 * "promotions"; each item's id column holds the promotion id) for later attribution.
 */
export async function recommendPromotions(
  deps: PromotionServingDeps,
  request: PromotionRecommendRequest,
  names: TargetNames
): Promise<PromotionRecommendation> {
  const now = request.now ?? new Date()
  const { engine } = deps
  const gapMs = deps.sessionGapMinutes * 60_000
  const [catalog, activity, forYouRun, intentRun] = await Promise.all([
    engine.catalog.snapshot(),
    loadShopperActivity(deps.dataSource, request.actor.id, now, gapMs),
    engine.runs.get("for_you"),
    engine.runs.get("intent"),
  ])
  const [forYou, intent] = await Promise.all([
    forYouRun ? engine.lists.actorList(forYouRun.id, "for_you", request.actor.id) : Promise.resolve([]),
    scorerFor(deps).score(intentRun, request.actor.id, now, gapMs),
  ])

  const records = new Map<string, PromotionRecord>()
  const fits: FitPromotion[] = []
  for (const record of request.promotions) {
    if (!isLiveNow(record, now) || !rulesAllow(record, request.shopper)) continue
    const fit = toFitPromotion(record)
    if (!fit) continue
    records.set(record.id, record)
    fits.push(fit)
  }
  const interest = shopperInterest({
    now,
    cartProductIds: request.cartProductIds,
    recent: activity.recentlyViewed,
    forYou,
    facts: (id) => catalog.get(id),
  })
  const ranked = fitPromotions(fits, interest, intent?.probability ?? null).slice(0, request.limit)

  const wanted = (field: TargetField) => [
    ...new Set(ranked.flatMap((s) => (s.reason.target?.field === field ? [s.reason.target.id] : []))),
  ]
  const categoryIds = wanted("category")
  const collectionIds = wanted("collection")
  const targetNames = categoryIds.length + collectionIds.length > 0 ? await names({ categoryIds, collectionIds }) : new Map<string, string>()
  const nameOf = (field: TargetField, id: string) => (field === "product" ? catalog.get(id)?.title : targetNames.get(id))

  const promotions = ranked.map((s) => ({
    promotion: records.get(s.promotion.id)!,
    score: Math.round(s.score * 1e6) / 1e6,
    reason: { ...s.reason, text: promotionReasonText(s, nameOf) },
  }))
  const recommendationId = `rec_${randomUUID().replace(/-/g, "")}`
  engine.served.record({
    id: recommendationId,
    actorType: request.actor.type,
    actorId: request.actor.id,
    placement: PROMOTIONS_PLACEMENT,
    modelRunId: intent?.runId ?? (forYou.length > 0 ? forYouRun?.id : null) ?? null,
    experimentId: null,
    arm: null,
    context: {
      ...(request.context ?? {}),
      intent_run_id: intent?.runId ?? null,
      intent_probability: intent ? Math.round(intent.probability * 1e4) / 1e4 : null,
      for_you_run_id: forYou.length > 0 ? (forYouRun?.id ?? null) : null,
    },
    items: promotions.map((p) => servedItem(p)),
    servedAt: now,
  })
  return { recommendationId, intent, promotions }
}

/** The served log's item shape; for this placement its id is the promotion's. */
function servedItem(p: RecommendedPromotion): ServedItem {
  const item: ServedItem & { source_product_id?: string } = {
    product_id: p.promotion.id,
    score: p.score,
    reason_code: p.reason.code,
    ...(p.reason.sourceProductId ? { source_product_id: p.reason.sourceProductId } : {}),
  }
  return item
}
