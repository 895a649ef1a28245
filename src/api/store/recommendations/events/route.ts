import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordStorefrontEventsWorkflow } from "../../../../workflows/record-storefront-events"
import { recommendationsService } from "../../../utils/recommendations-service"
import { resolveShopper } from "../../../utils/resolve-shopper"
import type { StoreRecordEventsInput } from "./validators"

/**
 * POST /store/recommendations/events: a batch of storefront behaviour. Answers 202 only
 * after every row is committed; a bad batch is rejected whole with a 400.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreRecordEventsInput>, res: MedusaResponse) {
  const shopper = resolveShopper(req, res, recommendationsService(req.scope).options)
  const { result } = await recordStorefrontEventsWorkflow(req.scope).run({
    input: {
      actor: shopper.actor,
      anonymous_id: shopper.anonymousId,
      events: req.validatedBody.events,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    },
  })
  res.status(202).json({
    accepted: result.accepted,
    stored: result.stored,
    duplicates: result.duplicates,
    actor_type: shopper.actor.type,
    anonymous_id: shopper.anonymousId,
  })
}
