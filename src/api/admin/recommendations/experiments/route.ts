import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationsService } from "../../../utils/recommendations-service"
import { serializeExperiment } from "./serialize"
import type { AdminCreateExperimentType, AdminListExperimentsParamsType } from "./validators"

/** GET /admin/recommendations/experiments: newest first, optionally by status. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListExperimentsParamsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const { experiments, count } = await recommendationsService(req.scope).listExperiments({ status, limit, offset })
  res.json({ experiments: experiments.map(serializeExperiment), count, offset, limit })
}

/** POST /admin/recommendations/experiments: starts at once; the next store request is assigned to an arm. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateExperimentType>, res: MedusaResponse) {
  const { name, placement, arms } = req.validatedBody
  const experiment = await recommendationsService(req.scope).createExperiment({
    name,
    placement,
    arms,
    createdBy: req.auth_context?.actor_id ?? null,
  })
  res.status(201).json({ experiment: serializeExperiment(experiment) })
}
