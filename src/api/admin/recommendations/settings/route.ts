import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QueueUnavailableError } from "../../../../queue/signal-producer"
import type { RecoSettings } from "../../../../store/repositories/settings"
import { recommendationsService } from "../../../utils/recommendations-service"
import type { AdminUpdateSettingsType } from "./validators"

/** GET /admin/recommendations/settings: stored values over the plugin options' defaults. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ settings: await recommendationsService(req.scope).readSettings() })
}

/**
 * POST /admin/recommendations/settings: a partial change. A new retrain cron or retention
 * re-registers its BullMQ scheduler first; when Redis is unreachable that is a 503 and nothing
 * is stored. A placement switched off answers the store with an empty list from the next request.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateSettingsType>, res: MedusaResponse) {
  const { placements, ...rest } = req.validatedBody
  const patch: Partial<RecoSettings> = { ...rest }
  if (placements) {
    patch.placements = Object.fromEntries(
      Object.entries(placements).filter((e): e is [string, boolean] => typeof e[1] === "boolean")
    ) as RecoSettings["placements"]
  }
  try {
    const settings = await recommendationsService(req.scope).updateSettings(patch, req.auth_context?.actor_id ?? null)
    res.json({ settings })
  } catch (e) {
    if (!(e instanceof QueueUnavailableError)) throw e
    res.status(503).json({ type: "unavailable", message: `${e.message}. The settings were not changed.` })
  }
}
