import {
  attributableLines,
  chooseTouch,
  returnedQuantities,
  returnReversal,
  type TouchCandidate,
} from "../../src/capture/order-attribution"

const orderedAt = new Date("2026-11-20T12:00:00Z")
const hoursBefore = (h: number) => new Date(orderedAt.getTime() - h * 3_600_000)
const candidate = (touch: "click" | "impression", hours: number, id: string, productId = "prod_a"): TouchCandidate => ({
  productId,
  touch,
  recommendationId: id,
  placement: "related",
  touchedAt: hoursBefore(hours),
})

describe("chooseTouch", () => {
  it("takes the latest click over any impression, even a later one", () => {
    const touches = [candidate("impression", 1, "rec_late_impression"), candidate("click", 30, "rec_old_click"), candidate("click", 5, "rec_click")]
    expect(chooseTouch(touches, "prod_a", orderedAt, 7)?.recommendationId).toBe("rec_click")
  })

  it("falls back to the latest impression when nothing was clicked", () => {
    const touches = [candidate("impression", 10, "rec_1"), candidate("impression", 2, "rec_2"), candidate("click", 1, "rec_other", "prod_b")]
    expect(chooseTouch(touches, "prod_a", orderedAt, 7)?.recommendationId).toBe("rec_2")
  })

  it("ignores touches outside [order - window, order]: too old, or after the order", () => {
    const touches = [candidate("click", 24 * 7 + 1, "rec_too_old"), candidate("click", -1, "rec_after_order"), candidate("impression", 24 * 7 - 1, "rec_in")]
    expect(chooseTouch(touches, "prod_a", orderedAt, 7)?.recommendationId).toBe("rec_in")
    expect(chooseTouch(touches, "prod_a", orderedAt, 1)).toBeNull()
    expect(chooseTouch([candidate("click", 24, "rec_edge")], "prod_a", orderedAt, 1)?.recommendationId).toBe("rec_edge")
  })

  it("returns null for a product never touched", () => {
    expect(chooseTouch([candidate("click", 1, "rec")], "prod_z", orderedAt, 7)).toBeNull()
  })
})

describe("returnReversal", () => {
  const line = { quantity: 3, returnedQuantity: 0, revenue: 10, reversedRevenue: 0 }

  it("reverses a partial return proportionally and the last unit takes exactly what is left", () => {
    const first = returnReversal(line, 1)
    expect(first).toEqual({ units: 1, revenue: 3.3333, fullyReturned: false })
    const second = returnReversal({ ...line, returnedQuantity: 1, reversedRevenue: 3.3333 }, 2)
    expect(second).toEqual({ units: 1, revenue: 3.3333, fullyReturned: false })
    const last = returnReversal({ ...line, returnedQuantity: 2, reversedRevenue: 6.6666 }, 3)
    expect(last).toEqual({ units: 1, revenue: 3.3334, fullyReturned: true })
  })

  it("reverses nothing when the cumulative quantity has not grown (a replayed event), and never more than the line", () => {
    expect(returnReversal({ ...line, returnedQuantity: 2, reversedRevenue: 6.6666 }, 2)).toEqual({ units: 0, revenue: 0, fullyReturned: false })
    expect(returnReversal({ ...line, returnedQuantity: 2, reversedRevenue: 6.6666 }, 1)).toEqual({ units: 0, revenue: 0, fullyReturned: false })
    expect(returnReversal(line, 5)).toEqual({ units: 3, revenue: 10, fullyReturned: true })
  })
})

describe("order records", () => {
  const order = {
    id: "order_1",
    currency_code: "eur",
    items: [
      // BigNumber-like values, as Query returns totals.
      { id: "li_1", product_id: "prod_a", variant_id: "var_a", quantity: { numeric_: 2, raw_: { value: "2" } }, unit_price: 15, total: { numeric_: 27, raw_: { value: "27" } }, detail: { return_received_quantity: 1, return_dismissed_quantity: { numeric_: 1 } } },
      { id: "li_2", product_id: "prod_b", variant_id: "var_b", quantity: 1, unit_price: 16 },
      { id: "li_3", product_id: "prod_c", variant_id: "var_c", quantity: 0, unit_price: 5, total: 0 },
      null,
    ],
  }

  it("reads each line's total after discounts, falling back to unit price x quantity, and skips empty lines", () => {
    expect(attributableLines(order)).toEqual([
      { lineItemId: "li_1", productId: "prod_a", variantId: "var_a", quantity: 2, revenue: 27 },
      { lineItemId: "li_2", productId: "prod_b", variantId: "var_b", quantity: 1, revenue: 16 },
    ])
  })

  it("counts received and dismissed units as returned", () => {
    expect(returnedQuantities(order)).toEqual(
      new Map([
        ["li_1", 2],
        ["li_2", 0],
        ["li_3", 0],
      ])
    )
  })
})
