import { diffCartLines, linesOfCart } from "../../src/capture/cart-lines"

describe("cart lines", () => {
  it("fold line items by variant, summing quantities and reading Medusa's number shapes", () => {
    const lines = linesOfCart({
      id: "cart_1",
      items: [
        { id: "li_1", variant_id: "v1", product_id: "p1", quantity: 2, unit_price: 10 },
        { id: "li_2", variant_id: "v1", product_id: "p1", quantity: { numeric_: 1 }, unit_price: "10" },
        { id: "li_3", variant_id: "v2", product_id: "p2", quantity: "3", unit_price: { value: "7.5" } },
        { id: "li_4", variant_id: null, product_id: "p3", quantity: 1 },
        null,
      ],
    })
    expect(lines).toEqual({
      v1: { product_id: "p1", quantity: 3, unit_price: 10 },
      v2: { product_id: "p2", quantity: 3, unit_price: 7.5 },
    })
  })

  it("diff into adds and removes with the changed quantity", () => {
    const before = {
      v1: { product_id: "p1", quantity: 2, unit_price: 10 },
      v2: { product_id: "p2", quantity: 1, unit_price: 5 },
    }
    const after = {
      v1: { product_id: "p1", quantity: 5, unit_price: 10 },
      v3: { product_id: "p3", quantity: 1, unit_price: 3 },
    }
    expect(diffCartLines(before, after)).toEqual([
      { type: "cart_add", variantId: "v1", productId: "p1", quantity: 3, unitPrice: 10 },
      { type: "cart_remove", variantId: "v2", productId: "p2", quantity: 1, unitPrice: 5 },
      { type: "cart_add", variantId: "v3", productId: "p3", quantity: 1, unitPrice: 3 },
    ])
    expect(diffCartLines(after, after)).toEqual([])
    expect(diffCartLines(after, {})).toEqual([
      { type: "cart_remove", variantId: "v1", productId: "p1", quantity: 5, unitPrice: 10 },
      { type: "cart_remove", variantId: "v3", productId: "p3", quantity: 1, unitPrice: 3 },
    ])
  })
})
