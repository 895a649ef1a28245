import { type BackfillOrder, backfillOrders, type OrderBackfillState } from "../../src/backfill/backfill-orders"
import type { NewEvent } from "../../src/store/new-event"

/** In-memory stand-ins for the store: the cursor logic is what is under test here. */
function harness(orders: BackfillOrder[]) {
  let state: OrderBackfillState | null = null
  const keys = new Set<string>()
  const canceled: string[] = []
  return {
    keys,
    canceled,
    deps: {
      async fetchOrders(afterId: string | null, take: number) {
        const sorted = [...orders].sort((a, b) => (a.id < b.id ? -1 : 1)).filter((o) => !afterId || o.id > afterId)
        return { orders: sorted.slice(0, take), total: orders.length }
      },
      async write(events: NewEvent[]) {
        const fresh = events.filter((e) => !keys.has(e.idempotencyKey))
        fresh.forEach((e) => keys.add(e.idempotencyKey))
        return { stored: fresh.length, duplicates: events.length - fresh.length, newestReceivedAt: null }
      },
      async markCanceled(id: string) {
        canceled.push(id)
      },
      readState: async () => state,
      saveState: async (s: OrderBackfillState) => {
        state = s
      },
    },
  }
}

const order = (id: string, items: number, status = "pending"): BackfillOrder => ({
  id,
  status,
  customer_id: "cus_1",
  currency_code: "eur",
  created_at: "2025-01-01T00:00:00Z",
  items: Array.from({ length: items }, (_, i) => ({ id: `${id}_li${i}`, product_id: "p", quantity: 1, unit_price: 1 })),
})

describe("order backfill", () => {
  it("visits every order once across pages, marks canceled ones and finishes", async () => {
    const h = harness([order("order_03", 1), order("order_01", 2), order("order_02", 1, "canceled")])
    const state = await backfillOrders(h.deps, { pageSize: 2 })
    expect(state).toEqual({ cursor_id: "order_03", orders: 3, stored: 4, done: true })
    expect(h.canceled).toEqual(["order_02"])
  })

  it("picks up new orders on the next run from the saved cursor", async () => {
    const orders = [order("order_01", 1)]
    const h = harness(orders)
    await backfillOrders(h.deps)
    orders.push(order("order_02", 3))
    const state = await backfillOrders(h.deps)
    expect(state).toMatchObject({ orders: 2, stored: 4, done: true })
  })

  it("with restart re-reads everything and the keys keep it from writing twice", async () => {
    const h = harness([order("order_01", 2)])
    await backfillOrders(h.deps)
    const again = await backfillOrders(h.deps, { restart: true })
    expect(again).toMatchObject({ orders: 1, stored: 0, done: true })
    expect(h.keys.size).toBe(2)
  })
})
