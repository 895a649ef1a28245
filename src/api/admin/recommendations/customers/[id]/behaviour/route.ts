import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseCustomerBehaviourWorkflow } from "../../../../../../workflows/erase-customer-behaviour"
import { requireMedusaId } from "../../../../../utils/request-params"

/**
 * DELETE /admin/recommendations/customers/:id/behaviour: erases every plugin row about the
 * customer (events, merged anonymous histories, lists, served log, cart snapshots, aliases),
 * as on customer.deleted. Idempotent: a customer with nothing stored answers rows: 0.
 */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const id = requireMedusaId(req.params.id!, "cus", "Customer")
  const { result } = await eraseCustomerBehaviourWorkflow(req.scope).run({ input: { customer_id: id } })
  res.json({ customer_id: id, deleted: true, rows: result.events })
}
