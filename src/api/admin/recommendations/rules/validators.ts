import { z } from "@medusajs/framework/zod"
import { PLACEMENTS } from "../../../../serving/placements/placement-context"
import { adminPagination } from "../../../utils/request-params"

export const RULE_ACTIONS = ["pin", "boost", "bury", "exclude"] as const
export const RULE_TARGET_TYPES = ["product", "category", "collection"] as const

const placement = z.enum(PLACEMENTS, { error: `placement must be one of ${PLACEMENTS.join(", ")} (or null for every placement)` })
const isoDateTime = (field: string) => z.iso.datetime({ offset: true, error: `${field} must be an ISO 8601 date-time` })

/** Every field of a rule an admin may set; cross-field rules are checked on the merged rule (see rule-input.ts). */
const ruleFields = {
  action: z.enum(RULE_ACTIONS, { error: `action must be one of ${RULE_ACTIONS.join(", ")}` }),
  target_type: z.enum(RULE_TARGET_TYPES, { error: `target_type must be one of ${RULE_TARGET_TYPES.join(", ")}` }),
  target_id: z.string().trim().min(1, "target_id is required").max(64, "target_id is at most 64 characters"),
  placement: placement.nullable(),
  position: z.number({ error: "position must be a number" }).int("position must be a whole number").min(0, "position must be 0 to 49").max(49, "position must be 0 to 49").nullable(),
  weight: z.number({ error: "weight must be a number" }).min(0, "weight must be 0 to 1").max(1, "weight must be 0 to 1").nullable(),
  starts_at: isoDateTime("starts_at").nullable(),
  ends_at: isoDateTime("ends_at").nullable(),
  note: z.string().max(1000, "note is at most 1000 characters").nullable(),
}

export const AdminCreateRule = z
  .object({
    action: ruleFields.action,
    target_type: ruleFields.target_type,
    target_id: ruleFields.target_id,
    placement: ruleFields.placement.optional(),
    position: ruleFields.position.optional(),
    weight: ruleFields.weight.optional(),
    starts_at: ruleFields.starts_at.optional(),
    ends_at: ruleFields.ends_at.optional(),
    note: ruleFields.note.optional(),
  })
  .strict()
export type AdminCreateRuleType = z.infer<typeof AdminCreateRule>

export const AdminUpdateRule = z
  .object({
    action: ruleFields.action.optional(),
    target_type: ruleFields.target_type.optional(),
    target_id: ruleFields.target_id.optional(),
    placement: ruleFields.placement.optional(),
    position: ruleFields.position.optional(),
    weight: ruleFields.weight.optional(),
    starts_at: ruleFields.starts_at.optional(),
    ends_at: ruleFields.ends_at.optional(),
    note: ruleFields.note.optional(),
  })
  .strict()
export type AdminUpdateRuleType = z.infer<typeof AdminUpdateRule>

export const AdminListRulesParams = z
  .object({
    placement: placement.optional(),
    target_id: z.string().trim().min(1).max(64, "target_id is at most 64 characters").optional(),
    ...adminPagination,
  })
  .strict()
export type AdminListRulesParamsType = z.infer<typeof AdminListRulesParams>
