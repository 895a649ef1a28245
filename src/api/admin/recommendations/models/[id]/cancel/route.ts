import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireUuid } from "../../../../../utils/request-params"
import { recommendationsService } from "../../../../../utils/recommendations-service"
import { serializeModelRun } from "../../serialize"

/**
 * POST /admin/recommendations/models/:id/cancel: a queued run ends canceled at once; a running
 * one is flagged and the worker aborts its training job (the run then ends canceled).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const run = await recommendationsService(req.scope).cancelModelRun(requireUuid(req.params.id!, "Model run"))
  res.json({ model_run: serializeModelRun(run) })
}
