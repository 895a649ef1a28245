import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Actor } from "../../capture/actor"
import type {
  PromotionRecord,
  PromotionRuleRecord,
  PromotionShopperContext,
} from "../../serving/promotions/promotion-record"

/** More active promotions than this at once is not a storefront offer list; the newest are read. */
const MAX_PROMOTIONS = 500

const PROMOTION_FIELDS = [
  "id",
  "code",
  "is_automatic",
  "type",
  "status",
  "limit",
  "used",
  "campaign.starts_at",
  "campaign.ends_at",
  "campaign.budget.type",
  "campaign.budget.limit",
  "campaign.budget.used",
  "application_method.type",
  "application_method.value",
  "application_method.currency_code",
  "application_method.target_type",
  "application_method.target_rules.attribute",
  "application_method.target_rules.operator",
  "application_method.target_rules.values.value",
  "rules.attribute",
  "rules.operator",
  "rules.values.value",
]

type RuleRow = { attribute?: string | null; operator?: string | null; values?: Array<{ value?: unknown } | null> | null } | null
type PromotionRow = {
  id: string
  code: string | null
  is_automatic: boolean | null
  type: string | null
  status: string | null
  limit?: number | string | null
  used?: number | string | null
  campaign?: {
    starts_at?: string | Date | null
    ends_at?: string | Date | null
    budget?: { type?: string | null; limit?: number | string | null; used?: number | string | null } | null
  } | null
  application_method?: {
    type?: string | null
    value?: number | string | null
    currency_code?: string | null
    target_type?: string | null
    target_rules?: RuleRow[] | null
  } | null
  rules?: RuleRow[] | null
}

/**
 * Medusa's promotions with status active, read through Query (the promotion module is the
 * authority; nothing is mirrored). Campaign dates, usage limits, budgets and rules are judged in
 * src/serving/promotions so that one place decides what is live. Read on every request: a
 * merchant who ends a promotion expects it gone from the storefront at once.
 */
export async function loadActivePromotions(scope: MedusaContainer): Promise<PromotionRecord[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "promotion",
    fields: PROMOTION_FIELDS,
    filters: { status: "active" },
    pagination: { take: MAX_PROMOTIONS, skip: 0, order: { created_at: "DESC" } },
  })
  return (data as PromotionRow[]).map(toRecord)
}

function toRecord(row: PromotionRow): PromotionRecord {
  const method = row.application_method
  const budget = row.campaign?.budget
  return {
    id: row.id,
    code: row.code ?? "",
    isAutomatic: row.is_automatic === true,
    type: row.type ?? "standard",
    status: row.status ?? "draft",
    limit: numberOrNull(row.limit),
    used: numberOrNull(row.used) ?? 0,
    campaign: row.campaign
      ? {
          startsAt: dateOrNull(row.campaign.starts_at),
          endsAt: dateOrNull(row.campaign.ends_at),
          budget: budget
            ? { type: budget.type ?? "", limit: numberOrNull(budget.limit), used: numberOrNull(budget.used) ?? 0 }
            : null,
        }
      : null,
    applicationMethod: method
      ? {
          type: method.type ?? "percentage",
          value: numberOrNull(method.value) ?? 0,
          currencyCode: method.currency_code ?? null,
          targetType: method.target_type ?? "order",
          targetRules: rulesOf(method.target_rules),
        }
      : null,
    rules: rulesOf(row.rules),
  }
}

function rulesOf(rows: RuleRow[] | null | undefined): PromotionRuleRecord[] {
  return (rows ?? []).flatMap((r) =>
    r?.attribute && r.operator
      ? [{ attribute: r.attribute, operator: r.operator, values: (r.values ?? []).flatMap((v) => (typeof v?.value === "string" ? [v.value] : [])) }]
      : []
  )
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

function dateOrNull(value: string | Date | null | undefined): Date | null {
  if (!value) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** What a promotion's cart rules can be checked against: the customer's groups, the region and its currency. */
export async function promotionShopperContext(
  scope: MedusaContainer,
  actor: Actor,
  regionId: string | null
): Promise<PromotionShopperContext> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [groups, currency] = await Promise.all([
    actor.type === "customer"
      ? query
          .graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: actor.id } })
          .then(({ data }) => ((data as Array<{ groups?: Array<{ id: string } | null> | null }>)[0]?.groups ?? []).flatMap((g) => (g ? [g.id] : [])))
      : Promise.resolve([]),
    regionId
      ? query
          .graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: regionId } })
          .then(({ data }) => (data as Array<{ currency_code: string | null }>)[0]?.currency_code ?? null)
      : Promise.resolve(null),
  ])
  return { customerGroupIds: groups, regionId, currencyCode: currency }
}

/** Names of categories and collections that reasons mention. */
export function targetNames(scope: MedusaContainer) {
  return async ({ categoryIds, collectionIds }: { categoryIds: string[]; collectionIds: string[] }): Promise<Map<string, string>> => {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const [categories, collections] = await Promise.all([
      categoryIds.length
        ? query.graph({ entity: "product_category", fields: ["id", "name"], filters: { id: categoryIds } }).then(({ data }) => data as Array<{ id: string; name: string | null }>)
        : Promise.resolve([]),
      collectionIds.length
        ? query.graph({ entity: "product_collection", fields: ["id", "title"], filters: { id: collectionIds } }).then(({ data }) => data as Array<{ id: string; title: string | null }>)
        : Promise.resolve([]),
    ])
    return new Map([
      ...categories.flatMap((c) => (c.name ? [[c.id, c.name] as const] : [])),
      ...collections.flatMap((c) => (c.title ? [[c.id, c.title] as const] : [])),
    ])
  }
}
