/**
 * A small typed client for the plugin's store API, for storefronts:
 *
 *   import Medusa from "@medusajs/js-sdk"
 *   import { RecommendationsClient } from "medusa-plugin-recommendations/client"
 *   const sdk = new Medusa({ baseUrl, publishableKey })
 *   const reco = new RecommendationsClient(sdk)
 *   const { items } = await reco.list({ placement: "related", product_id, region_id })
 *
 * It only shapes requests and types answers; the Medusa JS SDK (or any object with the same
 * `client.fetch`) sends them, so publishable key, auth and cookies work as for core routes.
 * This file imports nothing at run time (only types).
 */

import type { StorefrontEventFields } from "./capture/storefront-events"
import type { StorefrontEventType } from "./store/event-types"

export const PLACEMENTS = ["for_you", "related", "bought_together", "cart", "trending", "recently_viewed"] as const
export type Placement = (typeof PLACEMENTS)[number]

/** Why an item is shown; `text` is ready to print, `code` is stable for styling or i18n. */
export type RecommendationReason = { code: string; text: string; source_product_id?: string }

/** Products come back in GET /store/products' shape for the same `fields`; narrow P to your fields. */
export type RecommendationItem<P = Record<string, unknown>> = { product: P; score: number; reason: RecommendationReason }

export type RecommendationsResponse<P = Record<string, unknown>> = {
  recommendation_id: string
  placement: Placement
  model: { run_id: string; kind: string; algorithm: string } | null
  experiment: { id: string; arm: string } | null
  /** Which fallback answered when the placement had nothing of its own ("trending", "content"). */
  fallback: string | null
  items: RecommendationItem<P>[]
}

export type RecommendationsQuery = {
  placement: Placement
  product_id?: string
  cart_id?: string
  region_id?: string
  country_code?: string
  limit?: number
  fields?: string
}

export type SearchQuery = {
  q: string
  personalize?: boolean
  limit?: number
  offset?: number
  region_id?: string
  country_code?: string
  cart_id?: string
  fields?: string
}

export type SearchResponse<P = Record<string, unknown>> = {
  products: P[]
  count: number
  offset: number
  limit: number
  personalized: boolean
  recommendation_id: string
}

export type PromotionsQuery = { limit?: number; cart_id?: string; region_id?: string }

export type PromotionRecommendation = {
  id: string
  code: string | null
  is_automatic: boolean
  type: string
  application_method: { type: string; value: number; currency_code: string | null; target_type: string } | null
  score: number
  reason: RecommendationReason
}

export type PromotionsResponse = {
  recommendation_id: string
  intent: { probability: number; model_run_id: string } | null
  promotions: PromotionRecommendation[]
}

export type { StorefrontEventType }

/** One storefront event, as POST /store/recommendations/events validates it. */
export type StorefrontEvent = StorefrontEventFields

export type EventsResponse = {
  accepted: number
  stored: number
  duplicates: number
  actor_type: "customer" | "anonymous"
  anonymous_id: string | null
}

/** The part of `@medusajs/js-sdk` this client needs: `sdk.client.fetch`. */
export type MedusaFetcher = {
  client: {
    fetch<T>(
      path: string,
      init?: { method?: string; query?: Record<string, unknown>; body?: Record<string, unknown>; headers?: Record<string, string> }
    ): Promise<T>
  }
}

export type RecommendationsClientOptions = {
  /**
   * For headless storefronts without cookies: the anonymous id to send as a header. Browsers
   * keep it in the plugin's cookie instead (send credentials).
   */
  anonymousId?: string
  anonymousIdHeader?: string
}

export class RecommendationsClient {
  constructor(
    private readonly sdk: MedusaFetcher,
    private readonly options: RecommendationsClientOptions = {}
  ) {}

  /** GET /store/recommendations for one placement. */
  list<P = Record<string, unknown>>(query: RecommendationsQuery): Promise<RecommendationsResponse<P>> {
    return this.sdk.client.fetch("/store/recommendations", { query, headers: this.headers() })
  }

  /** GET /store/recommendations/search: Medusa's search, re-ranked for this shopper. */
  search<P = Record<string, unknown>>(query: SearchQuery): Promise<SearchResponse<P>> {
    const { personalize, ...rest } = query
    return this.sdk.client.fetch("/store/recommendations/search", {
      query: personalize === undefined ? rest : { ...rest, personalize: String(personalize) },
      headers: this.headers(),
    })
  }

  /** GET /store/recommendations/promotions: active promotions that fit this shopper. */
  promotions(query: PromotionsQuery = {}): Promise<PromotionsResponse> {
    return this.sdk.client.fetch("/store/recommendations/promotions", { query, headers: this.headers() })
  }

  /** POST /store/recommendations/events: a batch of up to 500 events, stored all or none. */
  track(events: StorefrontEvent[]): Promise<EventsResponse> {
    return this.sdk.client.fetch("/store/recommendations/events", { method: "POST", body: { events }, headers: this.headers() })
  }

  /** The impressions of a list as it is shown, so clicks and orders can be attributed to it. */
  trackImpressions(list: { recommendation_id: string; placement: string; items: Array<{ product: { id?: unknown } }> }): Promise<EventsResponse> {
    return this.track(
      list.items.map((item, position) => ({
        type: "impression" as const,
        product_id: String(item.product.id),
        placement: list.placement,
        recommendation_id: list.recommendation_id,
        position,
      }))
    )
  }

  private headers(): Record<string, string> {
    return this.options.anonymousId ? { [this.options.anonymousIdHeader ?? "x-reco-anonymous-id"]: this.options.anonymousId } : {}
  }
}
