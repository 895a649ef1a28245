import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireUuid } from "../../../../utils/request-params"
import { recommendationsService } from "../../../../utils/recommendations-service"
import { serializeModelRun } from "../serialize"

/** GET /admin/recommendations/models/:id */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const run = await recommendationsService(req.scope).retrieveModelRun(requireUuid(req.params.id!, "Model run"))
  res.json({ model_run: serializeModelRun(run) })
}
