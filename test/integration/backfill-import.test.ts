import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  type BackfillOrder,
  backfillOrders,
  ORDER_BACKFILL_CHECKPOINT,
  type OrderBackfillState,
} from "../../src/backfill/backfill-orders"
import { ORDER_CAPTURE_FIELDS } from "../../src/capture/medusa-records"
import { RECOMMENDATIONS_MODULE } from "../../src/modules/recommendations"
import type RecommendationsModuleService from "../../src/modules/recommendations/service"
import backfillScript from "../../src/scripts/backfill"
import importEventsScript from "../../src/scripts/import-events"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { createStoreFixture, type StoreFixture } from "../helpers/store-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: StoreFixture
    const rows = (sql: string, params: unknown[] = []) =>
      withPg(dbConfig.clientUrl, async (c) => (await c.query(sql, params)).rows as Array<Record<string, unknown>>)
    let logged: string[]
    let logSpy: jest.SpyInstance
    let stderrSpy: jest.SpyInstance

    beforeEach(async () => {
      store = await createStoreFixture(getContainer())
      logged = []
      logSpy = jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void logged.push(a.join(" ")))
      // The progress bar draws on stderr.
      stderrSpy = jest.spyOn(process.stderr, "write").mockImplementation(() => true)
    })
    afterEach(() => {
      logSpy.mockRestore()
      stderrSpy.mockRestore()
      process.exitCode = 0
    })

    it("backfills purchase events of existing orders, resumes after a crash, and never writes twice", async () => {
      const { shopper, customerId } = await Shopper.register(api, store, "history@example.com")
      const orderIds: string[] = []
      for (const [i, product] of store.products.entries()) {
        const cartId = await shopper.createCart()
        await shopper.addItem(cartId, product.variants[0]!.id, i + 1)
        orderIds.push(await shopper.checkout(cartId, "history@example.com"))
      }
      await eventually(async () => {
        const r = await rows(`SELECT count(*)::int AS n FROM reco_event WHERE type='purchase'`)
        expect(r[0]!.n).toBe(3)
      })
      // As if the plugin had been installed after these orders: no purchase events yet.
      await rows(`DELETE FROM reco_event WHERE type='purchase'`)
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: orderIds[1]! } })

      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
      let writes = 0
      const deps = {
        async fetchOrders(afterId: string | null, take: number) {
          const { data, metadata } = await query.graph({
            entity: "order",
            fields: [...ORDER_CAPTURE_FIELDS, "status"],
            filters: afterId ? { id: { $gt: afterId } } : {},
            pagination: { take, skip: 0, order: { id: "ASC" } },
          })
          return { orders: data as unknown[] as BackfillOrder[], total: metadata?.count ?? 0 }
        },
        write: async (events: Parameters<RecommendationsModuleService["recordEvents"]>[0]) => {
          writes += 1
          if (writes === 2) throw new Error("simulated crash")
          return service.recordEvents(events)
        },
        markCanceled: (id: string) => service.setOrderPurchaseStatus(id, "canceled"),
        readState: () => service.readCheckpoint<OrderBackfillState>(ORDER_BACKFILL_CHECKPOINT),
        saveState: (s: OrderBackfillState) => service.saveCheckpoint(ORDER_BACKFILL_CHECKPOINT, s),
      }
      await expect(backfillOrders(deps, { pageSize: 1 })).rejects.toThrow("simulated crash")
      const afterCrash = await service.readCheckpoint<OrderBackfillState>(ORDER_BACKFILL_CHECKPOINT)
      expect(afterCrash).toMatchObject({ orders: 1, done: false })

      const finished = await backfillOrders(deps, { pageSize: 1 })
      expect(finished).toMatchObject({ orders: 3, stored: 3, done: true })

      const purchases = await rows(
        `SELECT order_id, quantity, unit_price::float AS price, actor_id, status, source FROM reco_event
          WHERE type='purchase' ORDER BY order_id`
      )
      expect(purchases).toHaveLength(3)
      for (const p of purchases) {
        const i = orderIds.indexOf(p.order_id as string)
        expect(p).toMatchObject({ quantity: i + 1, price: 10 * (i + 1), actor_id: customerId, source: "backfill" })
        expect(p.status).toBe(i === 1 ? "canceled" : "active")
      }

      // The CLI's script from scratch: everything already there, nothing written twice.
      await rows(`DELETE FROM reco_product`)
      await backfillScript({ container, args: ["restart", "page-size=2"] })
      expect(logged.join("\n")).toContain("backfill: 3 products mirrored")
      expect(logged.join("\n")).toContain("backfill: 3 orders processed, 0 purchase events written")
      const mirror = await rows(`SELECT product_id, title, status, prices, sales_channel_ids FROM reco_product ORDER BY title`)
      expect(mirror).toHaveLength(3)
      expect(mirror[0]).toMatchObject({ title: "Product 1", status: "published", prices: { eur: 10 }, sales_channel_ids: [store.salesChannelId] })
      const count = await rows(`SELECT count(*)::int AS n FROM reco_event WHERE type='purchase'`)
      expect(count[0]!.n).toBe(3)
    })

    it("imports a CSV of history, reporting every rejected row by line number, idempotently", async () => {
      const [p1, p2] = store.products
      const dir = mkdtempSync(join(tmpdir(), "reco-import-"))
      const file = join(dir, "events.csv")
      const header =
        "type,actor_type,actor_id,product_id,variant_id,quantity,unit_price,currency_code,region_id,sales_channel_id,query,placement,order_id,occurred_at,idempotency_key"
      const lines = [
        header,
        `view,anonymous,anon-import-01,${p1!.id},,,,,,,,,,2025-10-01T10:00:00Z,`,
        `purchase,customer,cus_legacy_1,${p2!.id},${p2!.variants[0]!.id},2,19.5,usd,,,,,legacy-order-1,2025-10-02T10:00:00Z,legacy-1`,
        `search,customer,cus_legacy_1,,,,,,,,red mug,,,2025-10-02T09:00:00+02:00,`,
        `refund,customer,cus_legacy_1,${p1!.id},,,,,,,,,,2025-10-02T10:00:00Z,`,
        `view,customer,cus_legacy_1,prod_gone,,,,,,,,,,2025-10-02T10:00:00Z,`,
        `search,customer,cus_legacy_1,,,,,,,,,,,2025-10-02T10:00:00Z,`,
        `view,customer,cus_legacy_1,${p1!.id},,,,,,,,,,next tuesday,`,
        `cart_add,customer,cus_legacy_1,${p1!.id},,1,5,,,,,,,2025-10-02T10:00:00Z,`,
        `click,anonymous,anon-import-01,${p2!.id},,,,,,,,recently_viewed,,2025-10-03T10:00:00.123Z,`,
      ]
      writeFileSync(file, lines.join("\n") + "\n")

      await importEventsScript({ container: getContainer(), args: [file] })
      expect(process.exitCode).toBe(2)
      const out = logged.join("\n")
      expect(out).toContain("import: 9 rows read, 4 stored, 0 already present, 5 rejected")
      expect(out).toMatch(/line 5: type/)
      expect(out).toContain("line 6: product_id prod_gone does not exist")
      expect(out).toContain("line 7: query required for search rows")
      expect(out).toMatch(/line 8: occurred_at/)
      expect(out).toContain("line 9: currency_code required when unit_price is given")

      const stored = await rows(
        `SELECT type, actor_type, actor_id, quantity, unit_price::float AS price, currency_code, search_query, source
           FROM reco_event ORDER BY occurred_at`
      )
      expect(stored.map((r) => r.type)).toEqual(["view", "search", "purchase", "click"])
      expect(stored[2]).toMatchObject({ actor_id: "cus_legacy_1", quantity: 2, price: 19.5, currency_code: "usd" })
      expect(stored[1]).toMatchObject({ search_query: "red mug", source: "import" })

      logged.length = 0
      await importEventsScript({ container: getContainer(), args: [file] })
      expect(logged.join("\n")).toContain("import: 9 rows read, 0 stored, 4 already present, 5 rejected")
      expect((await rows(`SELECT count(*)::int AS n FROM reco_event`))[0]!.n).toBe(4)

      // --strict: one bad row and nothing is written.
      const strictFile = join(dir, "strict.csv")
      writeFileSync(
        strictFile,
        [header, `view,anonymous,anon-strict-001,${p1!.id},,,,,,,,,,2025-10-05T10:00:00Z,`, lines[5]].join("\n")
      )
      logged.length = 0
      await importEventsScript({ container: getContainer(), args: [strictFile, "strict"] })
      expect(logged.join("\n")).toContain("(strict: nothing written)")
      expect((await rows(`SELECT count(*)::int AS n FROM reco_event`))[0]!.n).toBe(4)

      // A file that is not the documented CSV is refused as a whole.
      const broken = join(dir, "broken.csv")
      writeFileSync(broken, "who,what\nme,that\n")
      const errors: string[] = []
      const errSpy = jest.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.join(" ")))
      await importEventsScript({ container: getContainer(), args: [broken] })
      errSpy.mockRestore()
      expect(process.exitCode).toBe(1)
      expect(errors.join("\n")).toContain("the header lacks required column(s): type, actor_type, actor_id, occurred_at")
    })
  },
})
