import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QueueUnavailableError } from "../../../../../queue/signal-producer"
import { recommendationsService } from "../../../../utils/recommendations-service"
import type { AdminRetrainBodyType } from "../validators"

/**
 * POST /admin/recommendations/models/retrain: queues a training job on the training queue (the
 * worker trains it). 202 with the job id; 503 at once when Redis is unreachable.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRetrainBodyType>, res: MedusaResponse) {
  const { mode } = req.validatedBody
  try {
    const jobId = await recommendationsService(req.scope).requestRetrain(mode)
    res.status(202).json({ job_id: jobId, mode })
  } catch (e) {
    if (!(e instanceof QueueUnavailableError)) throw e
    res.status(503).json({ type: "unavailable", message: `${e.message}. Nothing was queued; try again when Redis is back.` })
  }
}
