import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requireUuid } from "../../../../utils/request-params"
import { recommendationsService } from "../../../../utils/recommendations-service"
import { resolveRuleInput } from "../rule-input"
import { serializeRule } from "../serialize"
import type { AdminUpdateRuleType } from "../validators"

/** POST /admin/recommendations/rules/:id: a partial change, checked as a whole rule. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateRuleType>, res: MedusaResponse) {
  const service = recommendationsService(req.scope)
  const current = await service.retrieveMerchantRule(requireUuid(req.params.id!, "Rule"))
  const input = await resolveRuleInput(req.scope, req.validatedBody, current, null)
  const rule = await service.updateMerchantRule(current.id, input)
  if (!rule) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule with id ${current.id} was not found`)
  res.json({ rule: serializeRule(rule) })
}

/** DELETE /admin/recommendations/rules/:id */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = requireUuid(req.params.id!, "Rule")
  if (!(await recommendationsService(req.scope).deleteMerchantRule(id))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Rule with id ${id} was not found`)
  }
  res.json({ id, object: "reco_merchant_rule", deleted: true })
}
