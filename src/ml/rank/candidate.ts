/**
 * The unit every re-ranking step works on: a product proposed by some source, with a score that
 * is only comparable inside that source until blended, and the reason shown to the shopper.
 */
export const REASON_CODES = [
  "personalised",
  "because_you_viewed",
  "because_you_interacted",
  "viewed_together",
  "similar_to",
  "bought_together",
  "complements_cart",
  "next_in_session",
  "trending",
  "trending_in_region",
  "recently_viewed",
  "pinned",
  "popular",
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

export type Reason = { code: ReasonCode; sourceProductId?: string; segmentLabel?: string }

export type Candidate = {
  productId: string
  score: number
  reason: Reason
  source: string
  /**
   * Set by applyMerchantRules on every item a pin placed. A model-proposed product keeps its own
   * reason and source when pinned, so diversify needs this flag to know not to move it.
   */
  pinned?: boolean
}

/** Facts about a product that rules and diversity need (from the catalogue mirror). */
export type ProductFacts = { productId: string; categoryIds: string[]; collectionId: string | null }

/** The source name the serving layer gives to products it adds only because a rule pins them. */
export const PIN_SOURCE = "pin"

/** Reasons are stored as JSON; this narrows an untrusted value before it is rendered. */
export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === "string" && (REASON_CODES as readonly string[]).includes(value)
}

/** Whether a merchant pin put this candidate where it is (its position must not change). */
export function isPinned(candidate: Candidate): boolean {
  return candidate.pinned === true || candidate.source === PIN_SOURCE || candidate.reason.code === "pinned"
}

/**
 * Score descending, ties by productId ascending. Plain code-unit comparison rather than
 * localeCompare, so the order is the same on every host whatever its locale.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score
  return a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0
}
