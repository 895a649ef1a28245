import { type Candidate, diversify, type DiversifyOptions, isPinned, type MerchantRule, type ProductFacts, ruleTargets } from "../ml/rank"

/**
 * Diversity re-ranking that keeps the bury rule's promise (a buried product comes after every
 * non-buried one). applyMerchantRules has already put buried products last, so only the part
 * of the list before the first buried, unpinned product is re-ranked; the rest keeps its order
 * and pins keep their slots either way. Without this, MMR pulled a buried product back up by
 * its score, or for variety when it was the only one of its category.
 */
export function diversifyUnburied(
  candidates: Candidate[],
  rules: MerchantRule[],
  facts: (productId: string) => ProductFacts | undefined,
  options: DiversifyOptions
): Candidate[] {
  const buries = rules.filter((r) => r.action === "bury")
  const firstBuried =
    buries.length === 0
      ? -1
      : candidates.findIndex((c) => !isPinned(c) && buries.some((r) => ruleTargets(r, c.productId, facts(c.productId))))
  if (firstBuried < 0) return diversify(candidates, facts, options)
  return [...diversify(candidates.slice(0, firstBuried), facts, options), ...candidates.slice(firstBuried)]
}
