import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationsService } from "../../../../../utils/recommendations-service"
import { serializeExperiment } from "../../serialize"
import type { AdminPromoteExperimentType } from "../../validators"
import { experimentId } from "../experiment-id"

/** POST /admin/recommendations/experiments/:id/promote: stops it and makes the arm permanent (a model_run arm's run is activated). */
export async function POST(req: AuthenticatedMedusaRequest<AdminPromoteExperimentType>, res: MedusaResponse) {
  const experiment = await recommendationsService(req.scope).promoteExperiment(experimentId(req), req.validatedBody.arm)
  res.json({ experiment: serializeExperiment(experiment) })
}
