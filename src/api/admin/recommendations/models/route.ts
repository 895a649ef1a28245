import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendationsService } from "../../../utils/recommendations-service"
import { serializeModelRun } from "./serialize"
import type { AdminListModelRunsParamsType } from "./validators"

/** GET /admin/recommendations/models: training runs, newest first, filtered by kind and status. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListModelRunsParamsType>, res: MedusaResponse) {
  const { kind, status, limit, offset } = req.validatedQuery
  const [runs, count] = await recommendationsService(req.scope).listModelRuns({ kind, status, limit, offset })
  res.json({ model_runs: runs.map(serializeModelRun), count, offset, limit })
}
