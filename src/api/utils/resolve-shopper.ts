import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomUUID } from "node:crypto"
import { type Actor, isAnonymousId } from "../../capture/actor"
import type { PluginOptions } from "../../modules/recommendations/options"

export type Shopper = {
  actor: Actor
  /** The anonymous id the request carried or was given (kept after login so it can be merged). */
  anonymousId: string | null
  /** True when this request minted a new anonymous id. */
  minted: boolean
}

/**
 * Who is shopping: the logged-in customer from Medusa's auth context, else the anonymous id
 * from the plugin's cookie or header, else a new anonymous id (set as a cookie and echoed in
 * a header for headless storefronts). Nothing in the body or query is ever trusted for this.
 */
export function resolveShopper(
  req: AuthenticatedMedusaRequest<unknown>,
  res: MedusaResponse,
  options: PluginOptions
): Shopper {
  const cookies = (req as { cookies?: Record<string, unknown> }).cookies ?? {}
  const carried =
    [cookies[options.anonymousIdCookie], req.get(options.anonymousIdHeader)].find(isAnonymousId) ?? null
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : ""

  const anonymousId = carried ?? (customerId ? null : randomUUID().replace(/-/g, ""))
  const minted = carried === null && anonymousId !== null
  if (minted && anonymousId) {
    res.cookie(options.anonymousIdCookie, anonymousId, {
      httpOnly: true,
      sameSite: options.cookie.sameSite,
      secure: options.cookie.secure ?? (process.env.NODE_ENV === "production" || options.cookie.sameSite === "none"),
      domain: options.cookie.domain,
      maxAge: options.cookie.maxAgeDays * 24 * 3600 * 1000,
      path: "/",
    })
  }
  if (anonymousId) {
    res.setHeader(options.anonymousIdHeader, anonymousId)
  }
  return {
    actor: customerId ? { type: "customer", id: customerId } : { type: "anonymous", id: anonymousId as string },
    anonymousId,
    minted,
  }
}
