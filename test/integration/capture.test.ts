import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  cancelOrderWorkflow,
  deleteCustomersWorkflow,
  deleteProductsWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createStoreFixture, type StoreFixture } from "../helpers/store-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(180_000)

type Row = Record<string, unknown>

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: StoreFixture
    const rows = (sql: string, params: unknown[] = []) =>
      withPg(dbConfig.clientUrl, async (c) => (await c.query(sql, params)).rows as Row[])

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    it("mirrors products into reco_product as Medusa creates, updates and deletes them", async () => {
      const mirror = () =>
        rows(`SELECT product_id, title, status, deleted, prices, sales_channel_ids FROM reco_product ORDER BY title`)
      const created = await eventually(async () => {
        const r = await mirror()
        expect(r).toHaveLength(3)
        return r
      })
      expect(created[1]).toMatchObject({
        product_id: store.products[1]!.id,
        title: "Product 2",
        status: "published",
        deleted: false,
        prices: { eur: 20 },
        sales_channel_ids: [store.salesChannelId],
      })
      await updateProductsWorkflow(getContainer()).run({
        input: { selector: { id: store.products[0]!.id }, update: { title: "Espresso Cups" } },
      })
      await deleteProductsWorkflow(getContainer()).run({ input: { ids: [store.products[2]!.id] } })
      await eventually(async () => {
        const r = await mirror()
        expect(r.find((p) => p.product_id === store.products[0]!.id)?.title).toBe("Espresso Cups")
        expect(r.find((p) => p.product_id === store.products[2]!.id)?.deleted).toBe(true)
      })
    })

    it("turns cart changes into cart_add / cart_remove events with quantities and prices", async () => {
      const guest = new Shopper(api, store)
      const anon = "anon-cart-tester-1"
      const cartId = await guest.createCart({ reco_anonymous_id: anon })
      const [p1, p2] = store.products
      const cart = await guest.addItem(cartId, p1!.variants[0]!.id, 2)
      await guest.addItem(cartId, p2!.variants[1]!.id, 1)
      const line = cart.items.find((i) => i.variant_id === p1!.variants[0]!.id)!
      await guest.setItemQuantity(cartId, line.id, 5)
      await guest.setItemQuantity(cartId, line.id, 3)
      const after = await api.get(`/store/carts/${cartId}`, { headers: guest.headers() })
      const p2Line = after.data.cart.items.find((i: Row) => i.variant_id === p2!.variants[1]!.id)
      await guest.removeItem(cartId, p2Line.id)

      const net = await eventually(async () => {
        const r = await rows(
          `SELECT variant_id, product_id,
                  sum(CASE WHEN type='cart_add' THEN quantity ELSE -quantity END)::int AS net,
                  sum(CASE WHEN type='cart_add' THEN quantity ELSE 0 END)::int AS added,
                  sum(CASE WHEN type='cart_remove' THEN quantity ELSE 0 END)::int AS removed,
                  min(unit_price)::float AS price, min(actor_id) AS actor, min(currency_code) AS currency
             FROM reco_event WHERE cart_id = $1 GROUP BY variant_id, product_id ORDER BY variant_id`,
          [cartId]
        )
        const v1 = r.find((x) => x.variant_id === p1!.variants[0]!.id)
        const v2 = r.find((x) => x.variant_id === p2!.variants[1]!.id)
        expect(v1).toMatchObject({ added: 5, removed: 2, net: 3 })
        expect(v2).toMatchObject({ added: 1, removed: 1, net: 0 })
        return r
      })
      for (const r of net) {
        expect(r.actor).toBe(anon)
        expect(r.currency).toBe("eur")
        expect(r.price).toBe(r.product_id === p1!.id ? 10 : 20)
      }
    })

    it("writes one purchase event per order line on order.placed, once, with price, currency, region and channel", async () => {
      const { shopper, customerId } = await Shopper.register(api, store, "buyer@example.com")
      const cartId = await shopper.createCart()
      const [p1, p2, p3] = store.products
      await shopper.addItem(cartId, p1!.variants[0]!.id, 2)
      await shopper.addItem(cartId, p3!.variants[1]!.id, 1)
      const orderId = await shopper.checkout(cartId, "buyer@example.com")

      const purchases = await eventually(async () => {
        const r = await rows(
          `SELECT product_id, variant_id, quantity, unit_price::float AS price, currency_code, region_id,
                  sales_channel_id, actor_type, actor_id, status
             FROM reco_event WHERE type='purchase' AND order_id=$1 ORDER BY product_id`,
          [orderId]
        )
        expect(r).toHaveLength(2)
        return r
      })
      const byProduct = Object.fromEntries(purchases.map((p) => [p.product_id as string, p]))
      expect(byProduct[p1!.id]).toMatchObject({ quantity: 2, price: 10, variant_id: p1!.variants[0]!.id })
      expect(byProduct[p3!.id]).toMatchObject({ quantity: 1, price: 30, variant_id: p3!.variants[1]!.id })
      expect(byProduct[p2!.id]).toBeUndefined()
      for (const p of purchases) {
        expect(p).toMatchObject({
          currency_code: "eur",
          region_id: store.regionEur.id,
          sales_channel_id: store.salesChannelId,
          actor_type: "customer",
          actor_id: customerId,
          status: "active",
        })
      }

      // Replaying the same Medusa event writes nothing twice.
      const eventBus = getContainer().resolve("event_bus")
      await eventBus.emit({ name: "order.placed", data: { id: orderId } })
      await new Promise((r) => setTimeout(r, 1500))
      const again = await rows(`SELECT count(*)::int AS n FROM reco_event WHERE type='purchase' AND order_id=$1`, [orderId])
      expect(again[0]!.n).toBe(2)

      // order.canceled marks them canceled.
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: orderId } })
      await eventually(async () => {
        const r = await rows(`SELECT DISTINCT status FROM reco_event WHERE type='purchase' AND order_id=$1`, [orderId])
        expect(r).toEqual([{ status: "canceled" }])
      })
    })

    it("merges an anonymous shopper's history into the customer on cart transfer and on login", async () => {
      const anonCart = "anon-transfer-0001"
      const anonBrowse = "anon-browse-00001"
      const guest = new Shopper(api, store)
      const [p1, p2] = store.products
      await guest.sendEvents([{ type: "view", product_id: p1!.id }], { "x-reco-anonymous-id": anonBrowse })
      const cartId = await guest.createCart({ reco_anonymous_id: anonCart })
      await guest.addItem(cartId, p2!.variants[0]!.id, 1)
      await eventually(async () => {
        const r = await rows(`SELECT count(*)::int AS n FROM reco_event WHERE actor_id=$1`, [anonCart])
        expect(r[0]!.n).toBe(1)
      })

      const { shopper, customerId } = await Shopper.register(api, store, "merge@example.com")
      await shopper.transferCart(cartId)
      await eventually(async () => {
        const r = await rows(`SELECT count(*)::int AS n FROM reco_event WHERE actor_id=$1`, [anonCart])
        expect(r[0]!.n).toBe(0)
      })

      // Login: the first request with both the customer's token and the old anonymous id merges.
      const res = await shopper.sendEvents([{ type: "view", product_id: p2!.id }], { "x-reco-anonymous-id": anonBrowse })
      expect(res.status).toBe(202)
      expect(res.data.actor_type).toBe("customer")
      const history = await rows(
        `SELECT type, product_id, actor_type FROM reco_event WHERE actor_id=$1 ORDER BY occurred_at`,
        [customerId]
      )
      expect(history.map((h) => `${h.type}:${h.product_id}`).sort()).toEqual(
        [`view:${p1!.id}`, `cart_add:${p2!.id}`, `view:${p2!.id}`].sort()
      )
      expect(history.every((h) => h.actor_type === "customer")).toBe(true)
      const aliases = await rows(`SELECT anonymous_id FROM reco_actor_alias WHERE customer_id=$1 ORDER BY 1`, [customerId])
      expect(aliases.map((a) => a.anonymous_id)).toEqual([anonBrowse, anonCart].sort())
    })

    it("merges a guest's browsing into the guest customer Medusa creates from a checkout email", async () => {
      const anon = "anon-guest-checkout-1"
      const guest = new Shopper(api, store)
      const [p1, p2] = store.products
      await guest.sendEvents([{ type: "view", product_id: p1!.id }], { "x-reco-anonymous-id": anon })
      const { data } = await api.post(
        "/store/carts",
        {
          region_id: store.regionEur.id,
          sales_channel_id: store.salesChannelId,
          email: "guest@example.com",
          metadata: { reco_anonymous_id: anon },
        },
        { headers: guest.headers() }
      )
      const cart = data.cart as { id: string; customer_id: string | null }
      expect(cart.customer_id).toBeTruthy()
      await guest.addItem(cart.id, p2!.variants[0]!.id, 1)
      await eventually(async () => {
        const r = await rows(`SELECT type, product_id FROM reco_event WHERE actor_id = $1 ORDER BY type`, [cart.customer_id])
        expect(r.map((x) => `${x.type}:${x.product_id}`)).toEqual([`cart_add:${p2!.id}`, `view:${p1!.id}`])
      })
      expect((await rows(`SELECT count(*)::int AS n FROM reco_event WHERE actor_id = $1`, [anon]))[0]!.n).toBe(0)
    })

    it("erases every row of a deleted customer, including merged anonymous history", async () => {
      const { shopper, customerId } = await Shopper.register(api, store, "erase@example.com")
      const other = await Shopper.register(api, store, "keep@example.com")
      const [p1] = store.products
      await new Shopper(api, store).sendEvents([{ type: "view", product_id: p1!.id }], { "x-reco-anonymous-id": "anon-erase-00001" })
      await shopper.sendEvents([{ type: "view", product_id: p1!.id }], { "x-reco-anonymous-id": "anon-erase-00001" })
      await other.shopper.sendEvents([{ type: "view", product_id: p1!.id }])
      const cartId = await shopper.createCart()
      await shopper.addItem(cartId, p1!.variants[0]!.id, 1)
      await eventually(async () => {
        const r = await rows(`SELECT count(*)::int AS n FROM reco_event WHERE actor_id=$1`, [customerId])
        expect(r[0]!.n).toBe(3)
      })

      await deleteCustomersWorkflow(getContainer()).run({ input: { ids: [customerId] } })
      await eventually(async () => {
        const left = await rows(
          `SELECT (SELECT count(*) FROM reco_event WHERE actor_id IN ($1, 'anon-erase-00001'))::int AS events,
                  (SELECT count(*) FROM reco_actor_alias WHERE customer_id=$1)::int AS aliases,
                  (SELECT count(*) FROM reco_cart_snapshot WHERE actor_id=$1)::int AS carts`,
          [customerId]
        )
        expect(left[0]).toEqual({ events: 0, aliases: 0, carts: 0 })
      })
      const kept = await rows(`SELECT count(*)::int AS n FROM reco_event WHERE actor_id=$1`, [other.customerId])
      expect(kept[0]!.n).toBe(1)
    })
  },
})
