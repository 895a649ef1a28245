import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { countEvents, withPg } from "../helpers/reco-db"
import { createStoreFixture, type StoreFixture } from "../helpers/store-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(180_000)

type Res = { status: number; data: { message?: string } & Record<string, unknown>; headers: Record<string, string | string[] | undefined> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: StoreFixture
    const headers = (extra: Record<string, string> = {}) => ({ "x-publishable-api-key": store.publishableKey, ...extra })
    /** Sends a raw request and returns the response whatever its status. */
    const post = async (body: unknown, extra: Record<string, string> = {}): Promise<Res> =>
      api
        .post("/store/recommendations/events", body, { headers: headers(extra), validateStatus: () => true })
        .then((r: Res) => r)

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
    })

    it("stores a batch of storefront events and answers 202 after commit", async () => {
      const [p1, p2] = store.products
      const res = await post({
        events: [
          { type: "view", product_id: p1!.id },
          { type: "search", query: "blue shirt" },
          { type: "impression", product_id: p2!.id, placement: "for_you", position: 0, recommendation_id: "rec_1" },
          { type: "click", product_id: p2!.id, variant_id: p2!.variants[0]!.id, placement: "for_you" },
        ],
      })
      expect(res.status).toBe(202)
      expect(res.data).toMatchObject({ accepted: 4, stored: 4, duplicates: 0, actor_type: "anonymous" })
      const anonymousId = res.data.anonymous_id as string
      expect(anonymousId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
      expect([res.headers["set-cookie"]].flat().join(";")).toContain(`reco_anon_id=${anonymousId}`)
      const rows = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT type, actor_type, actor_id, product_id, search_query, sales_channel_id, source
                          FROM reco_event ORDER BY type`)).rows
      )
      expect(rows.map((r) => r.type)).toEqual(["click", "impression", "search", "view"])
      for (const r of rows) {
        expect(r).toMatchObject({ actor_type: "anonymous", actor_id: anonymousId, source: "storefront" })
        // The key is linked to exactly one channel, which is recorded.
        expect(r.sales_channel_id).toBe(store.salesChannelId)
      }
      expect(rows.find((r) => r.type === "search")!.search_query).toBe("blue shirt")

      // The same shopper keeps their id through the header (headless) or the cookie.
      const again = await post({ events: [{ type: "view", product_id: p2!.id }] }, { "x-reco-anonymous-id": anonymousId })
      expect(again.data.anonymous_id).toBe(anonymousId)
      expect(await countEvents(dbConfig.clientUrl, "actor_id = $1", [anonymousId])).toBe(5)
    })

    it("requires a publishable key like every store route", async () => {
      const res = await api.post(
        "/store/recommendations/events",
        { events: [{ type: "search", query: "x" }] },
        { validateStatus: () => true }
      )
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/publishable/i)
      expect(await countEvents(dbConfig.clientUrl)).toBe(0)
    })

    describe("rejects a bad batch whole with a 400 that says what is wrong", () => {
      const cases: Array<[string, () => unknown, RegExp]> = [
        ["an empty batch", () => ({ events: [] }), /events.*too small|at least/i],
        [
          "an oversize batch",
          () => ({ events: Array.from({ length: 501 }, () => ({ type: "search", query: "x" })) }),
          /events.*too big|at most.*500/i,
        ],
        ["an unknown type", () => ({ events: [{ type: "purchase", product_id: store.products[0]!.id }] }), /type/],
        ["a view without product", () => ({ events: [{ type: "view" }] }), /product_id/],
        ["a search without query", () => ({ events: [{ type: "search" }] }), /query/],
        [
          "an unknown product",
          () => ({ events: [{ type: "view", product_id: store.products[0]!.id }, { type: "view", product_id: "prod_missing" }] }),
          /events\[1\]\.product_id: product prod_missing does not exist/,
        ],
        [
          "a variant of another product",
          () => ({
            events: [{ type: "click", product_id: store.products[0]!.id, variant_id: store.products[1]!.variants[0]!.id }],
          }),
          /events\[0\]\.variant_id/,
        ],
        [
          "a timestamp that is not ISO 8601",
          () => ({ events: [{ type: "search", query: "x", occurred_at: "yesterday" }] }),
          /events\[0\]\.occurred_at/,
        ],
        [
          "a timestamp without a zone",
          () => ({ events: [{ type: "search", query: "x", occurred_at: "2026-01-01T10:00:00" }] }),
          /occurred_at.*zone/,
        ],
        [
          "a timestamp in the future",
          () => ({ events: [{ type: "search", query: "x", occurred_at: new Date(Date.now() + 3_600_000).toISOString() }] }),
          /occurred_at.*future/,
        ],
        [
          "a timestamp older than the accepted age",
          () => ({ events: [{ type: "search", query: "x", occurred_at: "2020-01-01T00:00:00Z" }] }),
          /older than 7 days/,
        ],
        ["a customer id in the body", () => ({ events: [{ type: "search", query: "x", customer_id: "cus_1" }] }), /customer_id/],
        [
          "a sales channel outside the key",
          () => ({ events: [{ type: "search", query: "x", sales_channel_id: store.otherSalesChannelId }] }),
          /sales_channel_id/,
        ],
      ]
      it.each(cases)("%s", async (_name, body, message) => {
        // A valid event first: it must not be stored when a later one is bad.
        const payload = body() as { events: unknown[] }
        const res = await post(payload)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
        expect(await countEvents(dbConfig.clientUrl)).toBe(0)
      })

      it("malformed JSON", async () => {
        const res = await api.post("/store/recommendations/events", '{"events": [', {
          headers: headers({ "content-type": "application/json" }),
          validateStatus: () => true,
        })
        expect(res.status).toBe(400)
        expect(await countEvents(dbConfig.clientUrl)).toBe(0)
      })
    })

    it("stores a retried batch once when it carries idempotency keys", async () => {
      const p1 = store.products[0]!
      const body = {
        events: [
          { type: "view", product_id: p1.id, idempotency_key: "view-0001-abc" },
          { type: "search", query: "mug", idempotency_key: "search-0001-abc" },
        ],
      }
      const id = { "x-reco-anonymous-id": "anon-idem-000001" }
      const first = await post(body, id)
      const second = await post(body, id)
      expect(first.data).toMatchObject({ accepted: 2, stored: 2, duplicates: 0 })
      expect(second.status).toBe(202)
      expect(second.data).toMatchObject({ accepted: 2, stored: 0, duplicates: 2 })
      expect(await countEvents(dbConfig.clientUrl)).toBe(2)
      // Keys are per shopper: another shopper's same key is their own event.
      const other = await post(body, { "x-reco-anonymous-id": "anon-idem-000002" })
      expect(other.data).toMatchObject({ stored: 2 })
    })

    it("stores a logged-in customer's events under that customer only, whatever the request claims", async () => {
      const a = await Shopper.register(api, store, "a@example.com")
      const b = await Shopper.register(api, store, "b@example.com")
      const p1 = store.products[0]!

      const forged = await a.shopper.sendEvents([{ type: "view", product_id: p1.id, customer_id: b.customerId }]).catch(
        (e: { response: Res }) => e.response
      )
      expect(forged.status).toBe(400)
      expect(await countEvents(dbConfig.clientUrl)).toBe(0)

      const ok = await a.shopper.sendEvents([{ type: "view", product_id: p1.id }])
      expect(ok.status).toBe(202)
      expect(ok.data.actor_type).toBe("customer")
      expect(await countEvents(dbConfig.clientUrl, "actor_id = $1 AND actor_type = 'customer'", [a.customerId])).toBe(1)
      expect(await countEvents(dbConfig.clientUrl, "actor_id = $1", [b.customerId])).toBe(0)

      // A bad token is not a customer: it is rejected like any unauthenticated call would be
      // treated, never stored under someone else.
      const bogus = await post({ events: [{ type: "view", product_id: p1.id }] }, { authorization: "Bearer not-a-token" })
      expect(bogus.status).toBe(202)
      expect(bogus.data.actor_type).toBe("anonymous")
      expect(await countEvents(dbConfig.clientUrl, "actor_type = 'customer'")).toBe(1)
    })
  },
})
