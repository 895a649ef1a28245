import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QueueUnavailableError } from "../../../../queue/signal-producer"
import { recommendationsService } from "../../../utils/recommendations-service"
import { serializeModelRun } from "../models/serialize"

/**
 * GET /admin/recommendations/training: runs in flight with their progress, training jobs waiting
 * for a worker and the last finished run (the dashboard polls it while something runs).
 * Without Redis the runs still come from Postgres; queued_jobs is 0 and queue_error says why.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = recommendationsService(req.scope)
  const [overview, queue] = await Promise.all([
    service.trainingOverview(),
    service.queuedTrainingJobs().then(
      (n) => ({ queued: n, error: null as string | null }),
      (e: unknown) => {
        if (!(e instanceof QueueUnavailableError)) throw e
        return { queued: 0, error: e.message }
      }
    ),
  ])
  res.json({
    running: overview.running.map(serializeModelRun),
    queued_jobs: queue.queued,
    last_finished: overview.lastFinished && serializeModelRun(overview.lastFinished),
    queue_error: queue.error,
  })
}
