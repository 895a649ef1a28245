import { REASON_CODES, type Reason, type ReasonCode } from "../../../../src/ml/rank/candidate"
import { reasonText } from "../../../../src/ml/rank/reason-text"

const titles: Record<string, string> = { p1: "Blue Sneaker", blank: "   " }
const titleOf = (id: string) => titles[id]

// [code, with a known title / label, without one]
const expected: Array<[ReasonCode, string, string]> = [
  ["personalised", "Picked for you", "Picked for you"],
  ["because_you_viewed", "Because you viewed Blue Sneaker", "Based on what you viewed"],
  ["because_you_interacted", "Inspired by Blue Sneaker", "Inspired by items you liked"],
  ["viewed_together", "Shoppers who viewed Blue Sneaker also viewed this", "Shoppers who viewed similar items also viewed this"],
  ["similar_to", "Similar to Blue Sneaker", "Similar to an item you viewed"],
  ["bought_together", "Often bought with Blue Sneaker", "Often bought together"],
  ["complements_cart", "Goes well with Blue Sneaker in your cart", "Goes well with your cart"],
  ["next_in_session", "Popular next step after Blue Sneaker", "Popular next step"],
  ["trending", "Trending now", "Trending now"],
  ["trending_in_region", "Trending in Europe", "Trending now"],
  ["recently_viewed", "You viewed this recently", "You viewed this recently"],
  ["pinned", "Featured", "Featured"],
  ["popular", "Popular right now", "Popular right now"],
]

describe("reasonText", () => {
  it("covers every reason code", () => {
    expect(expected.map(([code]) => code).sort()).toEqual([...REASON_CODES].sort())
  })

  it.each(expected)("%s", (code, known, generic) => {
    const withTitle: Reason = { code, sourceProductId: "p1", segmentLabel: "Europe" }
    expect(reasonText(withTitle, titleOf)).toBe(known)
    // Unknown product, blank title, no source product and no / blank label all fall back.
    expect(reasonText({ code, sourceProductId: "deleted" }, titleOf)).toBe(generic)
    expect(reasonText({ code, sourceProductId: "blank", segmentLabel: " " }, titleOf)).toBe(generic)
    expect(reasonText({ code }, titleOf)).toBe(generic)
  })

  it("never prints undefined, even for an unknown code read from storage", () => {
    const stored = JSON.parse('{"code":"from_the_future"}') as Reason
    expect(reasonText(stored, titleOf)).toBe("Picked for you")
    for (const code of REASON_CODES) expect(reasonText({ code, sourceProductId: "x" }, () => undefined)).not.toMatch(/undefined/)
  })
})
