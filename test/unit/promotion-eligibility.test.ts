import type { SessionEvent } from "../../src/ml/features/session-features"
import { sessionOf } from "../../src/serving/promotions/intent-session"
import { isLiveNow, type PromotionRecord, rulesAllow, toFitPromotion } from "../../src/serving/promotions/promotion-record"

const now = new Date("2026-11-10T12:00:00Z")
const days = (n: number) => new Date(now.getTime() + n * 86_400_000)

const record = (over: Partial<PromotionRecord> = {}): PromotionRecord => ({
  id: "promo_1",
  code: "SAVE10",
  isAutomatic: false,
  type: "standard",
  status: "active",
  limit: null,
  used: 0,
  campaign: null,
  applicationMethod: { type: "percentage", value: 10, currencyCode: null, targetType: "items", targetRules: [] },
  rules: [],
  ...over,
})
const campaign = (startsAt: Date | null, endsAt: Date | null, budget: NonNullable<PromotionRecord["campaign"]>["budget"] = null) => ({
  startsAt,
  endsAt,
  budget,
})
const anonymous = { customerGroupIds: [], regionId: null, currencyCode: null }

describe("isLiveNow", () => {
  it("needs status active and a running campaign (starts_at <= now < ends_at), as the promotion module checks", () => {
    expect(isLiveNow(record(), now)).toBe(true)
    expect(isLiveNow(record({ status: "draft" }), now)).toBe(false)
    expect(isLiveNow(record({ status: "inactive" }), now)).toBe(false)
    expect(isLiveNow(record({ campaign: campaign(days(-3), days(3)) }), now)).toBe(true)
    expect(isLiveNow(record({ campaign: campaign(days(-3), days(-1)) }), now)).toBe(false)
    expect(isLiveNow(record({ campaign: campaign(days(1), null) }), now)).toBe(false)
    expect(isLiveNow(record({ campaign: campaign(null, now) }), now)).toBe(false)
    expect(isLiveNow(record({ campaign: campaign(now, null) }), now)).toBe(true)
    expect(isLiveNow(record({ applicationMethod: null }), now)).toBe(false)
  })

  it("drops promotions whose usage limit or campaign budget is used up", () => {
    expect(isLiveNow(record({ limit: 5, used: 5 }), now)).toBe(false)
    expect(isLiveNow(record({ limit: 5, used: 4 }), now)).toBe(true)
    expect(isLiveNow(record({ campaign: campaign(null, null, { type: "usage", limit: 10, used: 10 }) }), now)).toBe(false)
    expect(isLiveNow(record({ campaign: campaign(null, null, { type: "spend", limit: 100, used: 40 }) }), now)).toBe(true)
    // Per-customer budgets are checked at checkout, not here.
    expect(isLiveNow(record({ campaign: campaign(null, null, { type: "use_by_attribute", limit: 1, used: 9 }) }), now)).toBe(true)
  })
})

describe("rulesAllow", () => {
  const groupOnly = record({ rules: [{ attribute: "customer.groups.id", operator: "in", values: ["cusgroup_vip"] }] })
  const notForVip = record({ rules: [{ attribute: "customer.groups.id", operator: "ne", values: ["cusgroup_vip"] }] })

  it("judges customer-group rules: an anonymous shopper is in no group", () => {
    expect(rulesAllow(groupOnly, anonymous)).toBe(false)
    expect(rulesAllow(groupOnly, { ...anonymous, customerGroupIds: ["cusgroup_vip"] })).toBe(true)
    expect(rulesAllow(notForVip, anonymous)).toBe(true)
    expect(rulesAllow(notForVip, { ...anonymous, customerGroupIds: ["cusgroup_vip", "cusgroup_b"] })).toBe(false)
  })

  it("judges region and currency only when the request names them; other attributes never exclude", () => {
    const euOnly = record({ rules: [{ attribute: "region.id", operator: "in", values: ["reg_eu"] }] })
    expect(rulesAllow(euOnly, anonymous)).toBe(true)
    expect(rulesAllow(euOnly, { ...anonymous, regionId: "reg_us" })).toBe(false)
    const fixedEur = record({ applicationMethod: { type: "fixed", value: 5, currencyCode: "eur", targetType: "order", targetRules: [] } })
    expect(rulesAllow(fixedEur, { ...anonymous, currencyCode: "usd" })).toBe(false)
    expect(rulesAllow(fixedEur, { ...anonymous, currencyCode: "EUR" })).toBe(true)
    expect(rulesAllow(fixedEur, anonymous)).toBe(true)
    expect(rulesAllow(record({ rules: [{ attribute: "sales_channel_id", operator: "in", values: ["sc_x"] }] }), anonymous)).toBe(true)
  })
})

describe("toFitPromotion", () => {
  it("turns product, category and collection target rules into conditions and flags the rest", () => {
    const fit = toFitPromotion(
      record({
        type: "buyget",
        applicationMethod: {
          type: "fixed",
          value: 5,
          currencyCode: "eur",
          targetType: "items",
          targetRules: [
            { attribute: "items.product.categories.id", operator: "in", values: ["pcat_1"] },
            { attribute: "items.product.id", operator: "ne", values: ["prod_1"] },
            { attribute: "items.product.tags.id", operator: "in", values: ["ptag_1"] },
          ],
        },
      })
    )
    expect(fit).toEqual({
      id: "promo_1",
      scope: "items",
      conditions: [
        { field: "category", operator: "in", values: ["pcat_1"] },
        { field: "product", operator: "ne", values: ["prod_1"] },
      ],
      untracked: true,
      discount: { type: "fixed", value: 5, currencyCode: "eur" },
      buyGet: true,
    })
    const shipping = toFitPromotion(
      record({
        applicationMethod: {
          type: "percentage",
          value: 100,
          currencyCode: null,
          targetType: "shipping_methods",
          targetRules: [{ attribute: "shipping_methods.shipping_option.shipping_option_type_id", operator: "in", values: ["x"] }],
        },
      })
    )
    expect(shipping).toMatchObject({ scope: "shipping_methods", conditions: [] })
    expect(shipping).not.toHaveProperty("untracked")
  })
})

describe("sessionOf (intent features' session, as training splits it)", () => {
  const gap = 30 * 60_000
  const at = (minutesAgo: number, type: SessionEvent["type"] = "view"): SessionEvent => ({
    type,
    productId: "p",
    occurredAt: new Date(now.getTime() - minutesAgo * 60_000),
  })

  it("is the run of events up to the first gap, oldest first, with the previous session's start", () => {
    const s = sessionOf([at(1), at(10, "cart_add"), at(35), at(200), at(220), at(300, "purchase")], now, gap)
    expect(s!.events.map((e) => e.occurredAt)).toEqual([at(35).occurredAt, at(10).occurredAt, at(1).occurredAt])
    expect(s!.previousVisitAt).toEqual(at(220).occurredAt)
  })

  it("has no session when the newest event is older than the gap or it only holds purchases", () => {
    expect(sessionOf([at(31), at(40)], now, gap)).toBeNull()
    expect(sessionOf([], now, gap)).toBeNull()
    expect(sessionOf([at(1, "purchase")], now, gap)).toBeNull()
    // A previous session of purchases only is skipped, like training does.
    expect(sessionOf([at(1), at(100, "purchase"), at(400)], now, gap)!.previousVisitAt).toEqual(at(400).occurredAt)
  })
})
