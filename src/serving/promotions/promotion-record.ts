import {
  type FitPromotion,
  type PromotionScope,
  ruleHolds,
  type TargetCondition,
  type TargetField,
  type TargetOperator,
} from "../../ml/rank/promotion-fit"

/** A rule as Medusa stores it: attribute path, operator, string values. */
export type PromotionRuleRecord = { attribute: string; operator: string; values: string[] }

/** What serving needs of one Medusa promotion (loaded through Query in src/api/utils/active-promotions.ts). */
export type PromotionRecord = {
  id: string
  code: string
  isAutomatic: boolean
  type: string
  status: string
  /** Promotion-level usage limit (Medusa 2.12+), null when unlimited. */
  limit: number | null
  used: number
  campaign: {
    startsAt: Date | null
    endsAt: Date | null
    budget: { type: string; limit: number | null; used: number } | null
  } | null
  applicationMethod: {
    type: string
    value: number
    currencyCode: string | null
    targetType: string
    targetRules: PromotionRuleRecord[]
  } | null
  /** Conditions on the cart (customer group, region, currency, channel, country...). */
  rules: PromotionRuleRecord[]
}

/** What is known about this request's shopper for a promotion's own rules; null = unknown. */
export type PromotionShopperContext = {
  /** A customer's groups; an anonymous shopper has none ([]). */
  customerGroupIds: string[]
  regionId: string | null
  currencyCode: string | null
}

/**
 * Whether a promotion can apply now, as far as serving can tell without a cart, mirroring the
 * promotion module's own checks: status active; campaign started (starts_at <= now) and not
 * ended (ends_at > now); promotion usage limit not reached; a campaign budget of type spend or
 * usage not used up (per-customer "by attribute" budgets need a usage lookup per shopper and are
 * left to checkout); a fixed amount only in its own currency when the currency is known.
 */
export function isLiveNow(promotion: PromotionRecord, now: Date): boolean {
  if (promotion.status !== "active" || !promotion.applicationMethod) return false
  const t = now.getTime()
  const campaign = promotion.campaign
  if (campaign?.startsAt && campaign.startsAt.getTime() > t) return false
  if (campaign?.endsAt && campaign.endsAt.getTime() <= t) return false
  if (promotion.limit !== null && promotion.used >= promotion.limit) return false
  const budget = campaign?.budget
  if (budget && (budget.type === "spend" || budget.type === "usage") && budget.limit !== null && budget.used >= budget.limit) {
    return false
  }
  return true
}

/**
 * Whether the promotion's cart rules allow this shopper, for the attributes that are known
 * here: customer group (an anonymous shopper is in no group, as a guest cart's customer is),
 * region and currency when the request names a region or cart. Rules on anything else (sales
 * channel, shipping country, order totals) cannot be judged before checkout and do not exclude.
 */
export function rulesAllow(promotion: PromotionRecord, shopper: PromotionShopperContext): boolean {
  const method = promotion.applicationMethod
  if (method?.type === "fixed" && method.currencyCode && shopper.currencyCode && method.currencyCode.toLowerCase() !== shopper.currencyCode.toLowerCase()) {
    return false
  }
  return promotion.rules.every((rule) => {
    const operator = asOperator(rule.operator)
    if (!operator) return true
    if (rule.values.length === 0) return false // Medusa: a rule without values never holds
    switch (rule.attribute) {
      case "customer.groups.id":
        return ruleHolds(operator, rule.values, shopper.customerGroupIds)
      case "region.id":
      case "region_id":
        return shopper.regionId === null || ruleHolds(operator, rule.values, [shopper.regionId])
      case "currency_code":
        return shopper.currencyCode === null || ruleHolds(operator, rule.values, [shopper.currencyCode])
      default:
        return true
    }
  })
}

const TARGET_FIELDS: Record<string, TargetField> = {
  "items.product.id": "product",
  "items.product.categories.id": "category",
  "items.product.collection_id": "collection",
}

function asOperator(operator: string): TargetOperator | null {
  return operator === "eq" || operator === "in" || operator === "ne" ? operator : null
}

/**
 * The promotion as the scorer sees it. Target rules on product, category and collection become
 * conditions; rules on other item fields (type, tag) cannot be matched against the catalogue
 * mirror and only mark the promotion as targeting something unknown. Shipping promotions' target
 * rules are about shipping options, not products.
 */
export function toFitPromotion(promotion: PromotionRecord): FitPromotion | null {
  const method = promotion.applicationMethod
  if (!method) return null
  const scope: PromotionScope =
    method.targetType === "order" ? "order" : method.targetType === "shipping_methods" ? "shipping_methods" : "items"
  const conditions: TargetCondition[] = []
  let untracked = false
  if (scope === "items") {
    for (const rule of method.targetRules) {
      const field = TARGET_FIELDS[rule.attribute]
      const operator = asOperator(rule.operator)
      if (field && operator) conditions.push({ field, operator, values: rule.values })
      else untracked = true
    }
  }
  return {
    id: promotion.id,
    scope,
    conditions,
    ...(untracked ? { untracked } : {}),
    discount: {
      type: method.type === "fixed" ? "fixed" : "percentage",
      value: method.value,
      currencyCode: method.currencyCode,
    },
    buyGet: promotion.type === "buyget",
  }
}
