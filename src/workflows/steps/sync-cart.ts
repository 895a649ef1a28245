import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { actorOf, anonymousIdOf } from "../../capture/actor"
import { linesOfCart } from "../../capture/cart-lines"
import type { CartRecord } from "../../capture/medusa-records"
import { RECOMMENDATIONS_MODULE } from "../../modules/recommendations"
import type RecommendationsModuleService from "../../modules/recommendations/service"

export const syncCartStep = createStep(
  "reco-sync-cart",
  async (input: { carts: CartRecord[] }, { container }) => {
    const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
    const cart = input.carts[0]
    if (!cart) return new StepResponse({ stored: 0, merged_anonymous_id: null as string | null })
    const outcome = await service.syncCart({
      cartId: cart.id,
      actor: actorOf(cart),
      anonymousId: anonymousIdOf(cart),
      lines: linesOfCart(cart),
      regionId: cart.region_id ?? null,
      salesChannelId: cart.sales_channel_id ?? null,
      currencyCode: cart.currency_code ?? null,
      observedAt: new Date(),
    })
    return new StepResponse({ stored: outcome.stored, merged_anonymous_id: outcome.mergedAnonymousId })
  }
)
