import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../capture/actor"
import {
  InvalidEventError,
  type StorefrontEventFields,
  storefrontEventsToRows,
} from "../../capture/storefront-events"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

export type RecordStorefrontEventsInput = {
  actor: Actor
  /** Set when a logged-in request still carries its anonymous id: that history joins the customer. */
  anonymous_id: string | null
  events: StorefrontEventFields[]
  sales_channel_ids: string[]
}

export type RecordStorefrontEventsResult = { accepted: number; stored: number; duplicates: number; merged: number }

export const recordStorefrontEventsStep = createStep(
  "reco-record-storefront-events",
  async (input: RecordStorefrontEventsInput, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    let rows
    try {
      rows = storefrontEventsToRows(input.events, {
        actor: input.actor,
        now: new Date(),
        maxAgeDays: service.options.maxEventAgeDays,
        salesChannelIds: input.sales_channel_ids,
      })
    } catch (e) {
      if (e instanceof InvalidEventError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      throw e
    }
    const merged =
      input.actor.type === "customer" && input.anonymous_id
        ? await service.mergeAnonymousActor(input.anonymous_id, input.actor.id)
        : 0
    const outcome = await service.recordEvents(rows)
    return new StepResponse<RecordStorefrontEventsResult>({
      accepted: rows.length,
      stored: outcome.stored,
      duplicates: outcome.duplicates,
      merged,
    })
  }
)
