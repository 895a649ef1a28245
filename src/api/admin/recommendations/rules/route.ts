import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationsService } from "../../../utils/recommendations-service"
import { resolveRuleInput } from "./rule-input"
import { serializeRule } from "./serialize"
import type { AdminCreateRuleType, AdminListRulesParamsType } from "./validators"

/** GET /admin/recommendations/rules: newest first; `placement` also lists the rules on every placement. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListRulesParamsType>, res: MedusaResponse) {
  const { placement, target_id, limit, offset } = req.validatedQuery
  const [rules, count] = await recommendationsService(req.scope).listMerchantRulesPage({
    placement,
    targetIds: target_id ? [target_id] : undefined,
    limit,
    offset,
  })
  res.json({ rules: rules.map(serializeRule), count, offset, limit })
}

/** POST /admin/recommendations/rules: applies to the next store request (the rule cache is dropped). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateRuleType>, res: MedusaResponse) {
  const input = await resolveRuleInput(req.scope, req.validatedBody, null, req.auth_context?.actor_id ?? null)
  const rule = await recommendationsService(req.scope).createMerchantRule(input)
  res.status(201).json({ rule: serializeRule(rule) })
}
