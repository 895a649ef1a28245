import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationsService } from "../../../../utils/recommendations-service"
import { serializeExperiment } from "../serialize"
import { experimentId } from "./experiment-id"

/** GET /admin/recommendations/experiments/:id: the experiment with its per-arm results and tests. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { experiment, results } = await recommendationsService(req.scope).retrieveExperimentWithResults(experimentId(req))
  res.json({ experiment: serializeExperiment(experiment), results })
}
