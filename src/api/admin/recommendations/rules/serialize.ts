import type { RecoMerchantRule } from "../../../../store/entities"

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** A reco_merchant_rule row as the admin API's Rule. */
export function serializeRule(rule: RecoMerchantRule) {
  return {
    id: rule.id,
    action: rule.action,
    target_type: rule.targetType,
    target_id: rule.targetId,
    placement: rule.placement,
    position: rule.position,
    weight: rule.weight,
    starts_at: iso(rule.startsAt),
    ends_at: iso(rule.endsAt),
    note: rule.note,
    created_by: rule.createdBy,
    created_at: iso(rule.createdAt),
    updated_at: iso(rule.updatedAt),
  }
}
