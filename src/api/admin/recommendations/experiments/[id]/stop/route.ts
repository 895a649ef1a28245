import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationsService } from "../../../../../utils/recommendations-service"
import { serializeExperiment } from "../../serialize"
import { experimentId } from "../experiment-id"

/** POST /admin/recommendations/experiments/:id/stop: every shopper is served as usual from the next request. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const experiment = await recommendationsService(req.scope).stopExperiment(experimentId(req))
  res.json({ experiment: serializeExperiment(experiment) })
}
