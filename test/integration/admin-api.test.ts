import type { MedusaContainer } from "@medusajs/framework/types"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import IORedis from "ioredis"
import { FULL_RETRAIN_SCHEDULER, RETENTION_SCHEDULER, SIGNAL_QUEUE, TRAINING_QUEUE } from "../../src/queue/queue-names"
import { createRun, updateRun } from "../../src/training/model-runs"
import { type AdminSession, createAdminSession } from "../helpers/admin-auth"
import { withPg } from "../helpers/reco-db"
import {
  addRule,
  createServingCatalog,
  idsOf,
  publishRun,
  recommendations,
  recommendationsClient,
  type RecoBody,
  type ServingCatalog,
  waitForCatalogMirror,
} from "../helpers/serving-fixtures"
import { Shopper } from "../helpers/store-http"

jest.setTimeout(240_000)

// This suite's own BullMQ prefix: its retrain jobs and schedulers never meet another suite's worker.
const QUEUE_PREFIX = `reco-admin-${process.pid}`
process.env.RECO_QUEUE_PREFIX = QUEUE_PREFIX

const BASE = "/admin/recommendations"
type Res<T = Record<string, unknown>> = { status: number; data: T & { message?: string } }

/** The store's defaults, which the preview uses when no region or sales channel is given. */
async function setStoreDefaults(container: MedusaContainer, store: ServingCatalog): Promise<void> {
  const query = container.resolve("query")
  const { data } = await query.graph({ entity: "store", fields: ["id"] })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: data[0]!.id },
      update: { default_region_id: store.regionEur.id, default_sales_channel_id: store.salesChannelId },
    },
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    let admin: AdminSession
    let redis: IORedis
    let trainingQueue: Queue
    let signalQueue: Queue
    const storeGet = () => recommendationsClient(api, store)
    const call = async <T = Record<string, unknown>>(method: "get" | "post" | "delete", path: string, body?: unknown, auth = true): Promise<Res<T>> => {
      const config = { ...(auth ? admin.headers : {}), validateStatus: () => true }
      const res =
        method === "post" ? await api.post(`${BASE}${path}`, body ?? {}, config) : await api[method](`${BASE}${path}`, config)
      return { status: res.status, data: res.data }
    }
    const get = <T = Record<string, unknown>>(path: string, params: Record<string, unknown> = {}) =>
      call<T>("get", `${path}${Object.keys(params).length ? `?${new URLSearchParams(params as Record<string, string>)}` : ""}`)
    const post = <T = Record<string, unknown>>(path: string, body?: unknown) => call<T>("post", path, body)

    beforeAll(async () => {
      // Built once: the runner snapshots the database after this and restores it before each test.
      const container = getContainer()
      store = await createServingCatalog(container)
      await waitForCatalogMirror(dbConfig.clientUrl, 13)
      await setStoreDefaults(container, store)
      admin = await createAdminSession(container, api)
      redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null })
      trainingQueue = new Queue(TRAINING_QUEUE, { connection: redis, prefix: QUEUE_PREFIX })
      signalQueue = new Queue(SIGNAL_QUEUE, { connection: redis, prefix: QUEUE_PREFIX })
    })

    beforeEach(() => {
      // The database is restored between tests; this process's caches must not outlive it.
      const serving = recommendations(getContainer()).serving
      serving.onModelActivated()
      serving.rules.invalidate()
      serving.switches.invalidate()
    })

    afterAll(async () => {
      await trainingQueue.obliterate({ force: true }).catch(() => undefined)
      await signalQueue.obliterate({ force: true }).catch(() => undefined)
      await trainingQueue.close()
      await signalQueue.close()
      redis.disconnect()
    })

    it("every route answers 401 without an admin and succeeds with one", async () => {
      const container = getContainer()
      const p = store.product
      const runId = await publishRun(container, "trending", (w) => w.segment("all", [{ productId: p.mug.id, score: 1 }]))
      const running = await createRun(recommendations(container).dataSource, { modelKind: "for_you", algorithm: "t", jobId: "job-x", trigger: "admin" })
      const rule = await addRule(container, { action: "exclude", targetType: "product", targetId: p.teapot.id })
      const { customerId } = await Shopper.register(api, store, "auth-loop@example.com")
      const routes: Array<[method: "get" | "post" | "delete", path: string, body: unknown, ok: number]> = [
        ["get", "/models", undefined, 200],
        ["get", `/models/${runId}`, undefined, 200],
        ["post", "/models/retrain", { mode: "full" }, 202],
        ["post", `/models/${runId}/activate`, {}, 200],
        ["post", `/models/${running.id}/cancel`, {}, 200],
        ["get", "/training", undefined, 200],
        ["get", "/rules", undefined, 200],
        ["post", "/rules", { action: "exclude", target_type: "product", target_id: p.sandal.id }, 201],
        ["post", `/rules/${rule.id}`, { note: "checked" }, 200],
        ["delete", `/rules/${rule.id}`, undefined, 200],
        ["get", "/preview?placement=trending", undefined, 200],
        ["get", "/settings", undefined, 200],
        ["post", "/settings", { attribution_window_days: 14 }, 200],
        ["get", `/products/${p.mug.id}`, undefined, 200],
        ["get", `/customers/${customerId}`, undefined, 200],
        ["delete", `/customers/${customerId}/behaviour`, undefined, 200],
      ]
      for (const [method, path, body] of routes) {
        const res = await call(method, path, body, false)
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 })
      }
      for (const [method, path, body, ok] of routes) {
        const res = await call(method, path, body, true)
        expect({ method, path, status: res.status, message: res.data.message }).toEqual({ method, path, status: ok, message: undefined })
      }
    })

    describe("models", () => {
      it("lists newest first with filters and pages, and gets one run", async () => {
        const container = getContainer()
        const p = store.product
        const older = await publishRun(container, "trending", (w) => w.segment("all", [{ productId: p.mug.id, score: 1 }]))
        const newer = await publishRun(container, "trending", (w) => w.segment("all", [{ productId: p.teapot.id, score: 1 }]))
        const other = await publishRun(container, "item_neighbors", async () => undefined)

        const all = await get<{ model_runs: Array<{ id: string; is_active: boolean }>; count: number; limit: number; offset: number }>("/models")
        expect(all.status).toBe(200)
        expect(all.data.model_runs.map((r) => r.id)).toEqual([other, newer, older])
        expect(all.data).toMatchObject({ count: 3, limit: 20, offset: 0 })

        const trending = await get<{ model_runs: Array<{ id: string; is_active: boolean }>; count: number }>("/models", { kind: "trending", limit: 1, offset: 1 })
        expect(trending.data.model_runs.map((r) => [r.id, r.is_active])).toEqual([[older, false]])
        expect(trending.data.count).toBe(2)
        expect((await get<{ count: number }>("/models", { status: "failed" })).data.count).toBe(0)

        const one = await get<{ model_run: Record<string, unknown> }>(`/models/${newer}`)
        expect(one.data.model_run).toMatchObject({
          id: newer,
          model_kind: "trending",
          algorithm: "test-trending",
          status: "succeeded",
          is_active: true,
          progress: 1,
          primary_metric: "hit_share_at_10",
          lift: null,
          activated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        })
        for (const key of ["backend", "params", "metrics", "baseline_metrics", "reason", "error", "trigger", "job_id", "data_cutoff", "event_count", "created_at", "started_at", "finished_at"]) {
          expect(one.data.model_run).toHaveProperty(key)
        }

        for (const [params, message] of [
          [{ status: "done" }, /status/],
          [{ limit: 0 }, /limit/],
          [{ limit: 101 }, /limit/],
          [{ offset: -1 }, /offset/],
          [{ kind: "DROP TABLE" }, /kind/],
          [{ colour: "red" }, /colour/],
        ] as const) {
          const res = await get("/models", params)
          expect({ params, status: res.status }).toEqual({ params, status: 400 })
          expect(res.data.message).toMatch(message)
        }
        expect((await get("/models/0b4a6c1e-0000-4000-8000-000000000000")).status).toBe(404)
        expect((await get("/models/not-a-uuid")).status).toBe(404)
      })

      it("activating an older succeeded run rolls the store back to it; a failed run cannot be activated", async () => {
        const container = getContainer()
        const p = store.product
        const older = await publishRun(container, "trending", (w) => w.segment("all", [{ productId: p.mug.id, score: 1 }]))
        const newer = await publishRun(container, "trending", (w) => w.segment("all", [{ productId: p.teapot.id, score: 1 }]))
        const reco = storeGet()
        const before = await reco({ placement: "trending" })
        expect([idsOf(before.data), before.data.model?.run_id]).toEqual([[p.teapot.id], newer])

        const res = await post<{ model_run: { id: string; is_active: boolean } }>(`/models/${older}/activate`)
        expect(res.status).toBe(200)
        expect(res.data.model_run).toMatchObject({ id: older, is_active: true })
        const after = await reco({ placement: "trending" })
        expect([idsOf(after.data), after.data.model?.run_id]).toEqual([[p.mug.id], older])
        expect((await get<{ model_run: { is_active: boolean } }>(`/models/${newer}`)).data.model_run.is_active).toBe(false)

        const dataSource = recommendations(container).dataSource
        const failed = await createRun(dataSource, { modelKind: "trending", algorithm: "t", jobId: null, trigger: "admin" })
        await updateRun(dataSource, failed.id, { status: "failed", error: "boom", finishedAt: new Date() })
        const refused = await post(`/models/${failed.id}/activate`)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/failed; only a succeeded run/)
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([p.mug.id])
        expect((await post("/models/0b4a6c1e-0000-4000-8000-000000000000/activate")).status).toBe(404)
      })

      it("cancel: a running run is flagged for the worker, a queued one ends at once, a finished one is a 400", async () => {
        const dataSource = recommendations(getContainer()).dataSource
        const running = await createRun(dataSource, { modelKind: "for_you", algorithm: "t", jobId: "train-full-1", trigger: "admin" })
        const res = await post<{ model_run: Record<string, unknown> }>(`/models/${running.id}/cancel`)
        expect(res.status).toBe(200)
        expect(res.data.model_run).toMatchObject({ id: running.id, status: "running", cancel_requested: true })
        const flagged = await withPg(dbConfig.clientUrl, (c) => c.query(`SELECT cancel_requested FROM reco_model_run WHERE id = $1`, [running.id]))
        expect(flagged.rows[0].cancel_requested).toBe(true)

        const queued = await createRun(dataSource, { modelKind: "content", algorithm: "t", jobId: "train-full-2", trigger: "admin" })
        await updateRun(dataSource, queued.id, { status: "queued" })
        const canceled = await post<{ model_run: Record<string, unknown> }>(`/models/${queued.id}/cancel`)
        expect(canceled.data.model_run).toMatchObject({ status: "canceled", finished_at: expect.any(String) })

        const done = await publishRun(getContainer(), "trending", async () => undefined)
        const refused = await post(`/models/${done}/cancel`)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/succeeded; only a queued or running run/)
      })

      it("retrain queues a real BullMQ job on the training queue (202), once per data watermark while it waits", async () => {
        const res = await post<{ job_id: string; mode: string }>("/models/retrain", { mode: "incremental" })
        expect(res.status).toBe(202)
        expect(res.data.mode).toBe("incremental")
        const job = await trainingQueue.getJob(res.data.job_id)
        expect(job?.name).toBe("train")
        expect(job?.data).toEqual({ mode: "incremental", trigger: "admin" })
        expect(await job?.getState()).toBe("waiting")

        const again = await post<{ job_id: string }>("/models/retrain", { mode: "incremental" })
        expect(again.data.job_id).toBe(res.data.job_id)
        const full = await post<{ job_id: string; mode: string }>("/models/retrain", {})
        expect(full.data).toMatchObject({ mode: "full", job_id: expect.stringMatching(/^train-full-/) })

        const training = await get<{ running: unknown[]; queued_jobs: number; last_finished: unknown }>("/training")
        expect(training.status).toBe(200)
        expect(training.data.queued_jobs).toBeGreaterThanOrEqual(2)

        const bad = await post("/models/retrain", { mode: "everything" })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/mode/)
        expect((await post("/models/retrain", { mode: "full", now: true })).status).toBe(400)
        for (const id of [res.data.job_id, full.data.job_id]) await (await trainingQueue.getJob(id))?.remove()
      })

      it("training shows runs in flight and the last finished run", async () => {
        const container = getContainer()
        const done = await publishRun(container, "trending", async () => undefined)
        const running = await createRun(recommendations(container).dataSource, { modelKind: "for_you", algorithm: "t", jobId: "j", trigger: "schedule" })
        await updateRun(recommendations(container).dataSource, running.id, { progress: 0.4 })
        const res = await get<{ running: Array<{ id: string; progress: number }>; queued_jobs: number; last_finished: { id: string } | null }>("/training")
        expect(res.data.running.map((r) => [r.id, r.progress])).toEqual([[running.id, expect.closeTo(0.4, 5)]])
        expect(res.data.last_finished?.id).toBe(done)
        expect(typeof res.data.queued_jobs).toBe("number")
      })
    })

    describe("rules", () => {
      type Rule = Record<string, unknown> & { id: string }

      it("CRUD: a created rule changes the store API and the preview; updates are partial; delete", async () => {
        const container = getContainer()
        const p = store.product
        await publishRun(container, "trending", (w) => w.segment("all", [p.mug, p.teapot].map((x, i) => ({ productId: x.id, score: 2 - i }))))
        const reco = storeGet()
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([p.mug.id, p.teapot.id])

        const created = await post<{ rule: Rule }>("/rules", {
          action: "pin",
          target_type: "product",
          target_id: p.sandal.id,
          placement: "trending",
          position: 0,
          note: "summer",
        })
        expect(created.status).toBe(201)
        expect(created.data.rule).toEqual({
          id: expect.any(String),
          action: "pin",
          target_type: "product",
          target_id: p.sandal.id,
          placement: "trending",
          position: 0,
          weight: null,
          starts_at: null,
          ends_at: null,
          note: "summer",
          created_by: admin.userId,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        const ruleId = created.data.rule.id
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([p.sandal.id, p.mug.id, p.teapot.id])
        const preview = await get<RecoBody>("/preview", { placement: "trending" })
        expect(idsOf(preview.data)).toEqual([p.sandal.id, p.mug.id, p.teapot.id])
        expect(preview.data.items[0]!.reason.code).toBe("pinned")

        const moved = await post<{ rule: Rule }>(`/rules/${ruleId}`, { position: 2 })
        expect(moved.status).toBe(200)
        expect(moved.data.rule).toMatchObject({ id: ruleId, action: "pin", position: 2, note: "summer", created_by: admin.userId })
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([p.mug.id, p.teapot.id, p.sandal.id])

        // Changing the action drops the pin's position; boost and bury default to weight 0.5.
        const boost = await post<{ rule: Rule }>(`/rules/${ruleId}`, { action: "boost" })
        expect(boost.data.rule).toMatchObject({ action: "boost", position: null, weight: 0.5 })
        const exclude = await post<{ rule: Rule }>("/rules", { action: "exclude", target_type: "category", target_id: store.kitchenCategoryId, placement: null })
        expect(exclude.status).toBe(201)
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([])

        const listed = await get<{ rules: Rule[]; count: number }>("/rules")
        expect(listed.data.rules.map((r) => r.id)).toEqual([exclude.data.rule.id, ruleId])
        expect(listed.data.count).toBe(2)
        // A placement filter lists that placement's rules and those on every placement.
        expect((await get<{ count: number }>("/rules", { placement: "trending" })).data.count).toBe(2)
        expect((await get<{ rules: Rule[] }>("/rules", { placement: "for_you" })).data.rules.map((r) => r.id)).toEqual([exclude.data.rule.id])
        expect((await get<{ rules: Rule[] }>("/rules", { target_id: p.sandal.id })).data.rules.map((r) => r.id)).toEqual([ruleId])
        expect((await get<{ rules: Rule[]; count: number }>("/rules", { limit: 1, offset: 1 })).data).toMatchObject({ count: 2, rules: [{ id: ruleId }] })

        const deleted = await call("delete", `/rules/${exclude.data.rule.id}`)
        expect(deleted.data).toEqual({ id: exclude.data.rule.id, object: "reco_merchant_rule", deleted: true })
        expect((await call("delete", `/rules/${exclude.data.rule.id}`)).status).toBe(404)
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([p.mug.id, p.teapot.id])
      })

      it("refuses bad rules with a 400 naming the problem, unknown rules with a 404", async () => {
        const p = store.product
        const product = { target_type: "product", target_id: p.mug.id }
        const cases: Array<[unknown, RegExp]> = [
          [{ ...product, action: "promote" }, /action/],
          [{ action: "pin", ...product }, /position is required/],
          [{ action: "pin", ...product, position: 1, weight: 0.3 }, /weight applies only/],
          [{ action: "pin", ...product, position: 60 }, /position/],
          [{ action: "pin", ...product, position: 1.5 }, /position/],
          [{ action: "boost", ...product, position: 1 }, /position applies only to pin/],
          [{ action: "boost", ...product, weight: 2 }, /weight/],
          [{ action: "exclude", ...product, weight: 0.2 }, /weight applies only/],
          [{ action: "exclude", target_type: "brand", target_id: p.mug.id }, /target_type/],
          [{ action: "exclude", target_type: "category", target_id: p.mug.id }, /product category id \(pcat_/],
          [{ action: "exclude", target_type: "product", target_id: "prod_01UNKNOWN" }, /no product with this id/],
          [{ action: "exclude", ...product, placement: "homepage" }, /placement/],
          [{ action: "exclude", ...product, starts_at: "tomorrow" }, /starts_at/],
          [{ action: "exclude", ...product, starts_at: "2026-12-02T00:00:00Z", ends_at: "2026-12-01T00:00:00Z" }, /ends_at must be after starts_at/],
          [{ action: "exclude", ...product, colour: "red" }, /colour/],
          [{ action: "exclude", target_type: "product" }, /target_id/],
        ]
        for (const [body, message] of cases) {
          const res = await post("/rules", body)
          expect({ body, status: res.status }).toEqual({ body, status: 400 })
          expect(res.data.message).toMatch(message)
        }
        expect((await get<{ count: number }>("/rules")).data.count).toBe(0)

        const rule = await post<{ rule: Rule }>("/rules", { action: "exclude", ...product })
        const pinWithoutPosition = await post(`/rules/${rule.data.rule.id}`, { action: "pin" })
        expect(pinWithoutPosition.status).toBe(400)
        expect(pinWithoutPosition.data.message).toMatch(/position is required/)
        expect((await post("/rules/0b4a6c1e-0000-4000-8000-000000000000", { note: "x" })).status).toBe(404)
        expect((await post("/rules/nope", { note: "x" })).status).toBe(404)
        expect((await call("delete", "/rules/nope")).status).toBe(404)
      })
    })

    describe("preview", () => {
      it("equals the store API's answer for the same customer and region, and is not logged", async () => {
        const container = getContainer()
        const p = store.product
        const alice = await Shopper.register(api, store, "alice-preview@example.com")
        await publishRun(container, "for_you", (w) =>
          w.actorList("for_you", alice.customerId, [p.mug, p["trail-shoe"], p.teapot, p["stocked-scale"]].map((x, i) => ({ productId: x.id, score: 4 - i })))
        )
        await publishRun(container, "item_neighbors", (w) =>
          w.neighbors("complement", p.mug.id, [p["espresso-cups"], p["coffee-beans"]].map((x, i) => ({ productId: x.id, score: 2 - i })))
        )
        const reco = storeGet()
        const fields = "*variants.calculated_price"
        type Priced = { variants?: Array<{ calculated_price?: { currency_code: string } }> }
        const firstPrice = (body: RecoBody) => (body.items[0]!.product as Priced).variants?.[0]?.calculated_price
        const same = (a: RecoBody, b: RecoBody) => {
          expect(a.items.length).toBeGreaterThan(0)
          expect(a.items).toEqual(b.items)
          expect(a.model).toEqual(b.model)
          expect(a.fallback).toEqual(b.fallback)
        }

        const fromStore = await reco({ placement: "for_you", region_id: store.regionEur.id, fields }, alice.shopper.headers())
        const preview = await get<RecoBody>("/preview", { placement: "for_you", customer_id: alice.customerId })
        expect(preview.status).toBe(200)
        same(preview.data, fromStore.data)
        expect(firstPrice(preview.data)).toMatchObject({ currency_code: "eur" })

        // Another region: prices in its currency, as the store gives them.
        const usdStore = await reco({ placement: "for_you", region_id: store.regionUsd.id, fields }, alice.shopper.headers())
        const usd = await get<RecoBody>("/preview", { placement: "for_you", customer_id: alice.customerId, region_id: store.regionUsd.id })
        same(usd.data, usdStore.data)
        expect(firstPrice(usd.data)).toMatchObject({ currency_code: "usd" })

        // A cart: its items are left out and complemented; the cart's region prices the list.
        const cartId = await alice.shopper.createCart()
        await alice.shopper.addItem(cartId, p.mug.variantId, 1)
        const cartStore = await reco({ placement: "cart", cart_id: cartId, fields }, alice.shopper.headers())
        const cartPreview = await get<RecoBody>("/preview", { placement: "cart", cart_id: cartId, customer_id: alice.customerId })
        same(cartPreview.data, cartStore.data)
        expect(idsOf(cartPreview.data)).toEqual([p["espresso-cups"].id, p["coffee-beans"].id])
        // Someone else's cart is not the anonymous shopper's.
        expect((await get("/preview", { placement: "cart", cart_id: cartId })).status).toBe(404)

        // An anonymous shopper: a new visitor's trending list.
        await publishRun(container, "trending", (w) => w.segment("all", [p.sandal, p.mug].map((x, i) => ({ productId: x.id, score: 2 - i }))))
        same((await get<RecoBody>("/preview", { placement: "trending" })).data, (await reco({ placement: "trending", region_id: store.regionEur.id, fields })).data)

        const serving = recommendations(container).serving
        await serving.served.flush()
        const logged = await withPg(dbConfig.clientUrl, (c) =>
          c.query(`SELECT id FROM reco_served_recommendation WHERE id = ANY($1)`, [
            [fromStore.data.recommendation_id, preview.data.recommendation_id, usd.data.recommendation_id, cartPreview.data.recommendation_id],
          ])
        )
        expect(logged.rows.map((r) => r.id)).toEqual([fromStore.data.recommendation_id])
      })

      it("validates its parameters", async () => {
        const cases: Array<[Record<string, string | number>, number, RegExp]> = [
          [{}, 400, /placement/],
          [{ placement: "homepage" }, 400, /placement/],
          [{ placement: "related" }, 400, /product_id is required/],
          [{ placement: "cart" }, 400, /cart_id is required/],
          [{ placement: "for_you", customer_id: "alice" }, 400, /customer_id/],
          [{ placement: "for_you", limit: 0 }, 400, /limit/],
          [{ placement: "for_you", sales_channel_id: "sc_01UNKNOWN" }, 400, /Sales channel with id sc_01UNKNOWN/],
          [{ placement: "for_you", customer_id: "cus_01UNKNOWN" }, 400, /Customer with id cus_01UNKNOWN/],
          [{ placement: "for_you", region_id: "reg_01UNKNOWN" }, 400, /Region with id reg_01UNKNOWN/],
          [{ placement: "related", product_id: "prod_01UNKNOWN" }, 404, /Product with id prod_01UNKNOWN/],
          [{ placement: "for_you", anonymous_id: "x" }, 400, /anonymous_id/],
        ]
        for (const [params, status, message] of cases) {
          const res = await get("/preview", params)
          expect({ params, status: res.status }).toEqual({ params, status })
          expect(res.data.message).toMatch(message)
        }
      })
    })

    describe("settings", () => {
      type Settings = { retrain_cron: string; attribution_window_days: number; placements: Record<string, boolean>; retention_days: number }

      it("round trip over the plugin options' defaults; schedules are re-registered", async () => {
        const initial = await get<{ settings: Settings }>("/settings")
        expect(initial.data.settings).toEqual({
          retrain_cron: "0 3 * * *",
          attribution_window_days: 7,
          placements: { for_you: true, related: true, bought_together: true, cart: true, trending: true, recently_viewed: true, search: true, promotions: true },
          retention_days: 730,
        })
        const res = await post<{ settings: Settings }>("/settings", {
          retrain_cron: "15 2 * * MON-FRI",
          attribution_window_days: 14,
          placements: { cart: false },
          retention_days: 365,
        })
        expect(res.status).toBe(200)
        expect(res.data.settings).toMatchObject({ retrain_cron: "15 2 * * MON-FRI", attribution_window_days: 14, retention_days: 365 })
        expect(res.data.settings.placements).toMatchObject({ cart: false, for_you: true })
        // A later partial change keeps the other placements as they were.
        const next = await post<{ settings: Settings }>("/settings", { placements: { related: false } })
        expect(next.data.settings.placements).toMatchObject({ cart: false, related: false, for_you: true })
        expect((await get<{ settings: Settings }>("/settings")).data.settings).toEqual(next.data.settings)

        expect(await trainingQueue.getJobScheduler(FULL_RETRAIN_SCHEDULER)).toMatchObject({ pattern: "15 2 * * MON-FRI" })
        const retention = await signalQueue.getJobScheduler(RETENTION_SCHEDULER)
        expect(retention?.template?.data).toEqual({ retention_days: 365 })
        await post("/settings", { retrain_cron: "off" })
        expect(await trainingQueue.getJobScheduler(FULL_RETRAIN_SCHEDULER)).toBeUndefined()
        expect((await get<{ settings: Settings }>("/settings")).data.settings.retrain_cron).toBe("off")
      })

      it("refuses bad values with a 400 and stores nothing", async () => {
        const cases: Array<[unknown, RegExp]> = [
          [{ retrain_cron: "every night" }, /retrain_cron/],
          [{ retrain_cron: "61 * * * *" }, /retrain_cron/],
          [{ retrain_cron: "0 3 * * * *" }, /retrain_cron/],
          [{ retrain_cron: "0 3 * 13 *" }, /retrain_cron/],
          [{ retrain_cron: 3 }, /retrain_cron/],
          [{ attribution_window_days: 0 }, /attribution_window_days/],
          [{ attribution_window_days: 7.5 }, /attribution_window_days/],
          [{ retention_days: 5000 }, /retention_days/],
          [{ placements: { homepage: false } }, /homepage/],
          [{ placements: { for_you: "no" } }, /for_you/],
          [{ colour: "red" }, /colour/],
        ]
        for (const [body, message] of cases) {
          const res = await post("/settings", body)
          expect({ body, status: res.status }).toEqual({ body, status: 400 })
          expect(res.data.message).toMatch(message)
        }
        const rows = await withPg(dbConfig.clientUrl, (c) => c.query(`SELECT count(*)::int AS n FROM reco_setting`))
        expect(rows.rows[0].n).toBe(0)
      })

      it("a placement switched off answers the store (and the preview) with an empty list", async () => {
        const p = store.product
        await publishRun(getContainer(), "trending", (w) => w.segment("all", [{ productId: p.mug.id, score: 1 }]))
        const reco = storeGet()
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([p.mug.id])
        await post("/settings", { placements: { trending: false } })
        const off = await reco({ placement: "trending" })
        expect(off.status).toBe(200)
        expect(off.data).toMatchObject({ items: [], model: null, fallback: null, recommendation_id: expect.stringMatching(/^rec_/) })
        expect((await get<RecoBody>("/preview", { placement: "trending" })).data.items).toEqual([])
        expect((await reco({ placement: "recently_viewed" })).status).toBe(200)
        await post("/settings", { placements: { trending: true } })
        expect(idsOf((await reco({ placement: "trending" })).data)).toEqual([p.mug.id])
      })
    })
  },
})
