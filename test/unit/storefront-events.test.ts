import { actorOf } from "../../src/capture/actor"
import { parseIsoWithZone } from "../../src/capture/iso-time"
import { InvalidEventError, storefrontEventsToRows } from "../../src/capture/storefront-events"

const now = new Date("2026-06-01T12:00:00Z")
const ctx = { actor: { type: "anonymous" as const, id: "anon-12345678" }, now, maxAgeDays: 7, salesChannelIds: ["sc_1"] }

describe("storefront events", () => {
  it("become rows under the request's actor, with per-actor idempotency keys", () => {
    const [view, search] = storefrontEventsToRows(
      [
        { type: "view", product_id: "prod_1", idempotency_key: "k-000001", occurred_at: "2026-06-01T11:00:00+02:00" },
        { type: "search", query: "mug" },
      ],
      ctx
    )
    expect(view).toMatchObject({
      type: "view",
      actorType: "anonymous",
      actorId: "anon-12345678",
      productId: "prod_1",
      idempotencyKey: "sf:anon-12345678:k-000001",
      occurredAt: new Date("2026-06-01T09:00:00Z"),
      salesChannelId: "sc_1",
      source: "storefront",
    })
    expect(search!.occurredAt).toEqual(now)
    expect(search!.idempotencyKey).toMatch(/^sf:anon-12345678:[0-9a-f-]{36}$/)
  })

  it.each([
    ["2026-06-01 10:00", /not an ISO 8601 time with a zone/],
    ["2026-06-01T10:00:00", /not an ISO 8601 time with a zone/],
    ["2026-13-45T10:00:00Z", /not an ISO 8601 time with a zone/],
    ["2026-06-01T12:06:00Z", /in the future/],
    ["2026-05-20T12:00:00Z", /older than 7 days/],
  ])("reject occurred_at %s", (occurred_at, message) => {
    const run = () => storefrontEventsToRows([{ type: "search", query: "x" }, { type: "search", query: "x", occurred_at }], ctx)
    expect(run).toThrow(InvalidEventError)
    expect(run).toThrow(message)
    expect(run).toThrow(/^events\[1\]\.occurred_at/)
  })

  it("accept a clock a little ahead", () => {
    expect(() => storefrontEventsToRows([{ type: "search", query: "x", occurred_at: "2026-06-01T12:04:00Z" }], ctx)).not.toThrow()
  })

  it("only take a sales channel of the publishable key", () => {
    expect(() => storefrontEventsToRows([{ type: "search", query: "x", sales_channel_id: "sc_2" }], ctx)).toThrow(
      /sales_channel_id: sc_2 is not a sales channel/
    )
    const [row] = storefrontEventsToRows([{ type: "search", query: "x" }], { ...ctx, salesChannelIds: ["sc_1", "sc_2"] })
    expect(row!.salesChannelId).toBeNull()
  })
})

describe("actor of a cart or order", () => {
  it("is the customer, else the anonymous id in metadata, else the record itself", () => {
    expect(actorOf({ id: "cart_1", customer_id: "cus_1", metadata: { reco_anonymous_id: "anon-12345678" } })).toEqual({
      type: "customer",
      id: "cus_1",
    })
    expect(actorOf({ id: "cart_1", metadata: { reco_anonymous_id: "anon-12345678" } })).toEqual({
      type: "anonymous",
      id: "anon-12345678",
    })
    expect(actorOf({ id: "cart_1", metadata: { reco_anonymous_id: "x y" } })).toEqual({ type: "anonymous", id: "cart_1" })
  })
})

describe("ISO times with a zone", () => {
  it.each([
    ["2025-03-01T12:00:00Z", "2025-03-01T12:00:00.000Z"],
    ["2025-03-01T13:00+01:00", "2025-03-01T12:00:00.000Z"],
    ["2024-02-29T00:00:00.5-0500", "2024-02-29T05:00:00.500Z"],
  ])("read %s", (text, iso) => expect(parseIsoWithZone(text)?.toISOString()).toBe(iso))
  it.each(["2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T10:00:00", "2025-01-01"])(
    "refuse %s",
    (text) => expect(parseIsoWithZone(text)).toBeNull()
  )
})
