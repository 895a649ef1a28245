import { IMPORT_COLUMNS, parseImportRow } from "../../src/import/import-row"

const row = (values: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>) =>
  Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, values[c] ?? ""]))

describe("import rows", () => {
  it("parse a purchase with price and currency", () => {
    const result = parseImportRow(
      row({
        type: "purchase",
        actor_type: "customer",
        actor_id: "cus_1",
        product_id: "prod_1",
        quantity: "2",
        unit_price: "12.50",
        currency_code: "EUR",
        occurred_at: "2025-01-01T00:00:00Z",
        idempotency_key: "o1-l1",
      })
    )
    expect(result).toEqual({
      ok: true,
      event: expect.objectContaining({
        type: "purchase",
        quantity: 2,
        unitPrice: 12.5,
        currencyCode: "EUR",
        idempotencyKey: "import:o1-l1",
        source: "import",
      }),
    })
  })

  it("derive the same key from the same content when none is given", () => {
    const r = row({ type: "view", actor_type: "anonymous", actor_id: "anon-123456", product_id: "p", occurred_at: "2025-01-01T00:00:00Z" })
    const a = parseImportRow(r)
    const b = parseImportRow({ ...r })
    const c = parseImportRow({ ...r, occurred_at: "2025-01-02T00:00:00Z" })
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected valid rows")
    expect(a.event.idempotencyKey).toBe(b.event.idempotencyKey)
    expect(a.event.idempotencyKey).not.toBe(c.event.idempotencyKey)
  })

  it.each([
    [{ type: "like" }, /type/],
    [{ actor_type: "robot" }, /actor_type/],
    [{ actor_type: "anonymous", actor_id: "a b" }, /actor_id anonymous ids/],
    [{ product_id: "" }, /product_id required for view rows/],
    [{ quantity: "0" }, /quantity/],
    [{ quantity: "1.5" }, /quantity/],
    [{ unit_price: "-1", currency_code: "eur" }, /unit_price/],
    [{ unit_price: "3" }, /currency_code required when unit_price/],
    [{ currency_code: "euro" }, /currency_code/],
    [{ occurred_at: "2025-01-01" }, /occurred_at/],
    [{ occurred_at: "2999-01-01T00:00:00Z" }, /occurred_at is in the future/],
    [{ occurred_at: "2025-02-30T00:00:00Z" }, /occurred_at/],
  ])("reject %o", (change, message) => {
    const base = { type: "view", actor_type: "customer", actor_id: "cus_1", product_id: "prod_1", occurred_at: "2025-01-01T00:00:00Z" }
    const result = parseImportRow(row({ ...base, ...change }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(message)
  })
})
