import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { RecoMerchantRule } from "../../../../store/entities"
import type { MerchantRuleInput } from "../../../../store/repositories/merchant-rules"
import type { AdminCreateRuleType, AdminUpdateRuleType } from "./validators"

/** Boost and bury without a weight get this one. */
export const DEFAULT_RULE_WEIGHT = 0.5

const TARGETS = {
  product: { entity: "product", prefix: "prod", what: "product" },
  category: { entity: "product_category", prefix: "pcat", what: "product category" },
  collection: { entity: "product_collection", prefix: "pcol", what: "product collection" },
} as const

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * The rule a create or an update leaves, checked as a whole: a pin needs a position and no
 * weight; boost and bury take a weight (default 0.5) and no position; exclude takes neither;
 * the window ends after it starts; the target exists in Medusa.
 */
export async function resolveRuleInput(
  scope: MedusaContainer,
  body: AdminCreateRuleType | AdminUpdateRuleType,
  current: RecoMerchantRule | null,
  createdBy: string | null
): Promise<MerchantRuleInput> {
  const merged = {
    action: body.action ?? current?.action,
    targetType: body.target_type ?? current?.targetType,
    targetId: body.target_id ?? current?.targetId,
    placement: body.placement !== undefined ? body.placement : (current?.placement ?? null),
    position: body.position !== undefined ? body.position : (current?.position ?? null),
    weight: body.weight !== undefined ? body.weight : (current?.weight ?? null),
    startsAt: body.starts_at !== undefined ? toDate(body.starts_at) : (current?.startsAt ?? null),
    endsAt: body.ends_at !== undefined ? toDate(body.ends_at) : (current?.endsAt ?? null),
    note: body.note !== undefined ? body.note : (current?.note ?? null),
    createdBy: current ? current.createdBy : createdBy,
  }
  if (!merged.action || !merged.targetType || !merged.targetId) throw invalid("action, target_type and target_id are required")
  const action = merged.action
  // An action change drops what only the old action used, unless the body sets it again.
  if (current && body.action && body.action !== current.action) {
    if (body.position === undefined && action !== "pin") merged.position = null
    if (body.weight === undefined && action !== "boost" && action !== "bury") merged.weight = null
  }
  if (action === "pin") {
    if (merged.position === null) throw invalid("position is required for a pin rule (the 0-based slot)")
    if (merged.weight !== null) throw invalid("weight applies only to boost and bury rules")
  } else {
    if (merged.position !== null) throw invalid("position applies only to pin rules")
    if (action === "exclude" && merged.weight !== null) throw invalid("weight applies only to boost and bury rules")
    if ((action === "boost" || action === "bury") && merged.weight === null) merged.weight = DEFAULT_RULE_WEIGHT
  }
  if (merged.startsAt && merged.endsAt && merged.endsAt.getTime() <= merged.startsAt.getTime()) {
    throw invalid("ends_at must be after starts_at")
  }
  await ensureTargetExists(scope, merged.targetType, merged.targetId)
  return { ...merged, action, targetType: merged.targetType, targetId: merged.targetId }
}

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value)
}

async function ensureTargetExists(scope: MedusaContainer, type: keyof typeof TARGETS, id: string): Promise<void> {
  const target = TARGETS[type]
  if (!new RegExp(`^${target.prefix}_[A-Za-z0-9]{1,60}$`).test(id)) {
    throw invalid(`target_id must be a ${target.what} id (${target.prefix}_…) for target_type ${type}`)
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: target.entity, fields: ["id"], filters: { id } })
  if (data.length === 0) throw invalid(`target_id ${id}: no ${target.what} with this id`)
}
