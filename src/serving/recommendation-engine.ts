import { randomUUID } from "node:crypto"
import type { DataSource } from "typeorm"
import type { Actor } from "../capture/actor"
import {
  activeRules,
  applyMerchantRules,
  type Candidate,
  PIN_SOURCE,
  pinnedProductIds,
  type ProductFacts,
  type Reason,
  reasonText,
} from "../ml/rank"
import { ActivationListener } from "./activation-listener"
import { ActiveRuns, type ActiveRun } from "./active-runs"
import { CatalogCache, type CatalogProduct } from "./catalog-cache"
import { ExperimentAssigner } from "./experiment-assigner"
import { armCandidates } from "./experiment-strategy"
import { diversifyUnburied } from "./diversify-unburied"
import { ListReader } from "./list-reader"
import { MerchantRuleCache } from "./merchant-rule-cache"
import { PlacementSwitches } from "./placement-switches"
import { ProductResponseCache } from "./product-response-cache"
import type { Placement } from "./placements"
import { ServedLog } from "./served-log"
import { loadShopperActivity } from "./shopper-activity"

/** Medusa's answer about products: only those that can be bought here and now are in the map. */
export type Eligibility = Map<string, { repeatPurchase: boolean }>
export type AvailabilityCheck = (productIds: string[]) => Promise<Eligibility>

export type RecommendRequest = {
  placement: Placement
  actor: Actor
  productId: string | null
  cartProductIds: string[]
  regionId: string | null
  regionName: string | null
  salesChannelIds: string[]
  limit: number
  now?: Date
  context?: Record<string, string | null>
  /** An admin preview: answered exactly like the store, but not recorded in the served log. */
  preview?: boolean
  /**
   * What experiment buckets are keyed on: the device's anonymous id when the request carries
   * one, so a shopper keeps their arm when they log in; else the actor id.
   */
  bucketKey?: string | null
}

export type RecommendedItem = { productId: string; score: number; reason: Reason & { text: string } }

export type Recommendation = {
  recommendationId: string
  placement: Placement
  run: ActiveRun | null
  experiment: { id: string; arm: string } | null
  fallback: string | null
  items: RecommendedItem[]
}

export type EngineSettings = {
  diversity: { maxPerCategory: number; topSlots: number; lambda: number }
  sessionGapMinutes: number
  productCacheSeconds: number
}

/** Availability is asked for this many candidates per round; later rounds only when too few pass. */
const WINDOW_FACTOR = 2
const MAX_ROUNDS = 3

/**
 * Serving: candidates from precomputed lists (cached per process), then rules in a fixed
 * order: catalogue cut (status, channel), cart, merchant rules, Medusa's availability (stock,
 * channel, published), already bought, diversity. Every response is logged off the request path.
 */
export class RecommendationEngine {
  readonly runs: ActiveRuns
  readonly lists: ListReader
  readonly catalog: CatalogCache
  readonly rules: MerchantRuleCache
  readonly served: ServedLog
  readonly products: ProductResponseCache
  /** Running A/B experiments: which arm a shopper gets on a placement. */
  readonly experiments: ExperimentAssigner
  /** Placements an admin switched off answer with an empty list. */
  readonly switches: PlacementSwitches
  private readonly listener: ActivationListener

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: EngineSettings,
    warn: (message: string) => void
  ) {
    this.runs = new ActiveRuns(dataSource)
    this.lists = new ListReader(dataSource)
    this.catalog = new CatalogCache(dataSource)
    this.rules = new MerchantRuleCache(dataSource)
    this.served = new ServedLog(dataSource, warn)
    this.products = new ProductResponseCache(settings.productCacheSeconds * 1000)
    this.experiments = new ExperimentAssigner(dataSource)
    this.switches = new PlacementSwitches(dataSource)
    this.listener = new ActivationListener(dataSource, () => this.onModelActivated(), warn)
    void this.listener.start()
  }

  /** A new model went live (here or in a worker): its lists replace the cached ones now. */
  onModelActivated(): void {
    this.runs.invalidate()
    this.lists.clear()
    this.catalog.invalidate()
  }

  async recommend(request: RecommendRequest, availability: AvailabilityCheck): Promise<Recommendation> {
    const now = request.now ?? new Date()
    if (!(await this.switches.isOn(request.placement))) {
      const id = `rec_${randomUUID().replace(/-/g, "")}`
      return { recommendationId: id, placement: request.placement, run: null, experiment: null, fallback: null, items: [] }
    }
    const [catalog, activity, allRules, choice] = await Promise.all([
      this.catalog.snapshot(),
      loadShopperActivity(this.dataSource, request.actor.id, now, this.settings.sessionGapMinutes * 60_000),
      this.rules.all(),
      this.experiments.choose(request.placement, request.bucketKey ?? request.actor.id),
    ])
    // An experiment arm (or a promoted winner) decides where candidates come from; rules,
    // availability and diversity below apply to every arm alike.
    const proposal = await armCandidates(request.placement, {
      actorId: request.actor.id,
      productId: request.productId,
      cartProductIds: request.cartProductIds,
      regionId: request.regionId,
      regionName: request.regionName,
      salesChannelIds: request.salesChannelIds,
      activity,
      runs: this.runs,
      lists: this.lists,
    }, choice)
    const rules = activeRules(allRules, request.placement, now)
    const facts = (id: string): ProductFacts | undefined => {
      const p = catalog.get(id)
      return p && { productId: id, categoryIds: p.categoryIds, collectionId: p.collectionId }
    }

    // Pinned products join even when no model proposed them; they still face every rule below.
    const proposed = new Set(proposal.candidates.map((c) => c.productId))
    const pins: Candidate[] = pinnedProductIds(rules)
      .filter((id) => !proposed.has(id))
      .map((productId) => ({ productId, score: 0, reason: { code: "pinned" }, source: PIN_SOURCE }))
    const blocked = new Set([...request.cartProductIds, ...(request.productId ? [request.productId] : [])])
    const candidates = [...proposal.candidates, ...pins].filter(
      (c) => !blocked.has(c.productId) && plausible(catalog.get(c.productId), request.salesChannelIds)
    )
    const ruled = applyMerchantRules(candidates, rules, facts)

    const keepBought = request.placement === "recently_viewed"
    const passed = await this.eligibleInOrder(ruled, request.limit, availability, (id, e) =>
      keepBought || !activity.purchased.has(id) || e.repeatPurchase
    )
    // Rules again over what passed, so a pin lands on its slot even when items before it dropped out.
    const passedIds = new Set(passed.map((c) => c.productId))
    const eligible = applyMerchantRules(
      candidates.filter((c) => passedIds.has(c.productId)),
      rules,
      facts
    )
    const ranked =
      request.placement === "recently_viewed"
        ? eligible
        : diversifyUnburied(eligible, rules, facts, this.settings.diversity)
    const titleOf = (id: string) => catalog.get(id)?.title
    const items = ranked.slice(0, request.limit).map((c) => ({
      productId: c.productId,
      score: roundScore(c.score),
      reason: { ...c.reason, text: reasonText(c.reason, titleOf) },
    }))

    const recommendation: Recommendation = {
      recommendationId: `rec_${randomUUID().replace(/-/g, "")}`,
      placement: request.placement,
      run: proposal.run,
      experiment: choice?.experiment ?? null,
      fallback: proposal.fallback,
      items,
    }
    if (!request.preview) this.served.record({
      id: recommendation.recommendationId,
      actorType: request.actor.type,
      actorId: request.actor.id,
      placement: request.placement,
      modelRunId: proposal.run?.id ?? null,
      experimentId: recommendation.experiment?.id ?? null,
      arm: recommendation.experiment?.arm ?? null,
      context: { ...(request.context ?? {}), fallback: proposal.fallback },
      items: items.map((i) => ({ product_id: i.productId, score: i.score, reason_code: i.reason.code })),
      servedAt: now,
    })
    return recommendation
  }

  /** Logs a search results page like a served list (placement "search"), for attribution of its clicks. */
  recordSearch(entry: { actor: Actor; query: string; personalized: boolean; productIds: string[] }): string {
    const id = `rec_${randomUUID().replace(/-/g, "")}`
    this.served.record({
      id,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      placement: "search",
      modelRunId: null,
      experimentId: null,
      arm: entry.personalized ? "personalized" : "engine_order",
      context: { query: entry.query },
      items: entry.productIds.map((productId, rank) => ({ product_id: productId, score: -rank, reason_code: "search" })),
      servedAt: new Date(),
    })
    return id
  }

  /** The shopper's live behaviour (never cached), with this engine's session gap. */
  shopperActivity(actorId: string, now = new Date()) {
    return loadShopperActivity(this.dataSource, actorId, now, this.settings.sessionGapMinutes * 60_000)
  }

  async close(): Promise<void> {
    await this.listener.close()
    await this.served.flush()
  }

  /**
   * Asks Medusa about candidates in windows, best first, until enough pass (twice the limit,
   * so diversity has room to swap) or the candidates run out.
   */
  private async eligibleInOrder(
    ranked: Candidate[],
    limit: number,
    availability: AvailabilityCheck,
    keep: (productId: string, eligibility: { repeatPurchase: boolean }) => boolean
  ): Promise<Candidate[]> {
    const wanted = limit * WINDOW_FACTOR
    const out: Candidate[] = []
    let start = 0
    for (let round = 0; round < MAX_ROUNDS && start < ranked.length && out.length < wanted; round++) {
      const size = round === 0 ? wanted + 4 : (wanted - out.length) * 3
      const window = ranked.slice(start, start + size)
      start += window.length
      const answer = await availability(window.map((c) => c.productId))
      for (const c of window) {
        const e = answer.get(c.productId)
        if (e && keep(c.productId, e)) out.push(c)
      }
    }
    return out
  }
}

/** The mirror's cheap first cut; products the mirror does not know yet are left to Medusa. */
function plausible(product: CatalogProduct | undefined, salesChannelIds: string[]): boolean {
  if (!product) return true
  if (product.status !== "published") return false
  if (product.salesChannelIds.length === 0 || salesChannelIds.length === 0) return true
  return product.salesChannelIds.some((id) => salesChannelIds.includes(id))
}

function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6
}
