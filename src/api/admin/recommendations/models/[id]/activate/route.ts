import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireUuid } from "../../../../../utils/request-params"
import { recommendationsService } from "../../../../../utils/recommendations-service"
import { serializeModelRun } from "../../serialize"

/**
 * POST /admin/recommendations/models/:id/activate: a succeeded run serves its kind from now on
 * (every Medusa process drops its cached lists); activating an older run is the roll back.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const run = await recommendationsService(req.scope).activateModelRun(requireUuid(req.params.id!, "Model run"))
  res.json({ model_run: serializeModelRun(run) })
}
