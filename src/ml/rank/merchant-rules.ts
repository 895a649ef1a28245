import { compareCandidates, PIN_SOURCE, type Candidate, type ProductFacts } from "./candidate"

export const RULE_ACTIONS = ["pin", "boost", "bury", "exclude"] as const
export type RuleAction = (typeof RULE_ACTIONS)[number]
export const RULE_TARGETS = ["product", "category", "collection"] as const
export type RuleTarget = (typeof RULE_TARGETS)[number]

export type MerchantRule = {
  id: string
  action: RuleAction
  targetType: RuleTarget
  targetId: string
  /** null = every placement */
  placement: string | null
  /** pins: 0-based slot (null = 0) */
  position: number | null
  /** boost/bury strength, default 0.5 */
  weight: number | null
  startsAt: Date | null
  endsAt: Date | null
}

const DEFAULT_WEIGHT = 0.5

/** Rules for this placement (or every placement) whose window [startsAt, endsAt) contains now. */
export function activeRules(rules: MerchantRule[], placement: string, now: Date): MerchantRule[] {
  const t = now.getTime()
  return rules.filter(
    (r) =>
      (r.placement === null || r.placement === placement) &&
      (r.startsAt === null || t >= r.startsAt.getTime()) &&
      (r.endsAt === null || t < r.endsAt.getTime()),
  )
}

/** Product-target pins, so the caller can add them as candidates even if no model proposed them. */
export function pinnedProductIds(rules: MerchantRule[]): string[] {
  const ids = rules.filter((r) => r.action === "pin" && r.targetType === "product").map((r) => r.targetId)
  return [...new Set(ids)]
}

/** Whether the rule targets this product (by product, category or collection). */
export function ruleTargets(rule: MerchantRule, productId: string, facts: ProductFacts | undefined): boolean {
  switch (rule.targetType) {
    case "product":
      return productId === rule.targetId
    case "category":
      return facts !== undefined && facts.categoryIds.includes(rule.targetId)
    case "collection":
      return facts !== undefined && facts.collectionId === rule.targetId
  }
}

function strength(rule: MerchantRule): number {
  const w = rule.weight ?? DEFAULT_WEIGHT
  return Number.isFinite(w) ? w : DEFAULT_WEIGHT
}

/**
 * Applies already-active rules (see activeRules): exclude removes (and beats every other rule,
 * pin included); boost multiplies the score by 1 + weight; bury multiplies it by 1 - weight
 * (weight clamped to [0, 1)) and shows the item after every non-buried one. Then pins place
 * their product, or the best-ranked matching product for category/collection pins, at their
 * slot, in ascending slot order. Returns a new array; inputs are not mutated.
 */
export function applyMerchantRules(
  candidates: Candidate[],
  rules: MerchantRule[],
  facts: (productId: string) => ProductFacts | undefined,
): Candidate[] {
  type Row = { candidate: Candidate; buried: boolean }
  const kept: Row[] = []
  const pinRules = rules.filter((r) => r.action === "pin")
  const pinMatches = new Map<MerchantRule, Set<string>>(pinRules.map((r) => [r, new Set<string>()]))

  for (const c of candidates) {
    const f = facts(c.productId)
    const hit = rules.filter((r) => ruleTargets(r, c.productId, f))
    if (hit.some((r) => r.action === "exclude")) continue
    let score = c.score
    let buried = false
    for (const r of hit) {
      // A negative boost would be a bury in disguise without the "show last" promise: floor at 0.
      if (r.action === "boost") score *= 1 + Math.max(0, strength(r))
      if (r.action === "bury") {
        score *= 1 - Math.min(Math.max(strength(r), 0), 1 - Number.EPSILON)
        buried = true
      }
      if (r.action === "pin") pinMatches.get(r)!.add(c.productId)
    }
    kept.push({ candidate: { ...c, reason: { ...c.reason }, score }, buried })
  }

  kept.sort((a, b) => (a.buried !== b.buried ? (a.buried ? 1 : -1) : compareCandidates(a.candidate, b.candidate)))
  const ranked = kept.map((r) => r.candidate)

  // Stable sort: pins sharing a slot keep the caller's rule order.
  const ordered = [...pinRules].sort((a, b) => slotOf(a) - slotOf(b))
  const taken = new Set<number>() // indices into `ranked` already pinned
  const slotFor = new Map<number, Candidate>() // final slot -> pinned candidate
  const overflow: Candidate[] = []
  const n = ranked.length
  for (const rule of ordered) {
    const wanted = pinMatches.get(rule)!
    // `ranked` is already best-first, so the first match is the best-scoring one.
    const index = ranked.findIndex((c, i) => !taken.has(i) && wanted.has(c.productId))
    if (index < 0) continue
    taken.add(index)
    const c = ranked[index]!
    const pinned: Candidate = {
      ...c,
      pinned: true,
      reason: c.source === PIN_SOURCE ? { code: "pinned" } : c.reason,
    }
    let slot = slotOf(rule)
    while (slotFor.has(slot)) slot++ // an earlier pin holds this slot: take the next free one
    if (slot < n) slotFor.set(slot, pinned)
    else overflow.push(pinned)
  }

  // Unpinned items fill the free slots in order; pins past the end take the last free slots.
  const rest = [...ranked.filter((_, i) => !taken.has(i)), ...overflow]
  const out: Candidate[] = []
  let next = 0
  for (let slot = 0; slot < n; slot++) out.push(slotFor.get(slot) ?? rest[next++]!)
  return out
}

function slotOf(rule: MerchantRule): number {
  const p = rule.position ?? 0
  if (Number.isNaN(p)) return 0
  return Math.max(0, Math.min(Math.floor(p), Number.MAX_SAFE_INTEGER))
}
