import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import { assignArm } from "../../src/serving/experiment-assignment"
import { pruneRuns } from "../../src/training/model-runs"
import type { ExperimentArm } from "../../src/store/entities/reco-experiment.entity"
import { KNOWN } from "../fixtures/experiment-known-answer"
import { type AdminSession, createAdminSession } from "../helpers/admin-auth"
import { eventually } from "../helpers/eventually"
import { withPg } from "../helpers/reco-db"
import { Shopper } from "../helpers/store-http"
import {
  createServingCatalog,
  idsOf,
  publishRun,
  recommendations,
  recommendationsClient,
  type RecoBody,
  type ServingCatalog,
} from "../helpers/serving-fixtures"

jest.setTimeout(240_000)

type Experiment = {
  id: string
  name: string
  placement: string
  status: "running" | "stopped"
  arms: ExperimentArm[]
  started_at: string
  stopped_at: string | null
  winner_arm: string | null
  created_at: string
}
type Body = RecoBody & { experiment: { id: string; arm: string } | null }

const anonymousIds = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(4, "0")}_shopper`)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let store: ServingCatalog
    let admin: AdminSession
    const http = api as AxiosInstance
    const adminPost = (path: string, body: unknown) =>
      http.post(`/admin/recommendations/experiments${path}`, body, { ...admin.headers, validateStatus: () => true })
    const adminGet = (path: string, params: Record<string, unknown> = {}) =>
      http.get(`/admin/recommendations/experiments${path}`, { ...admin.headers, params, validateStatus: () => true })
    const related = async (anonymousId: string, productId: string) => {
      const res = await recommendationsClient(http, store)({ placement: "related", product_id: productId, limit: 10 }, { "x-reco-anonymous-id": anonymousId })
      expect(res.status).toBe(200)
      return res.data as Body
    }
    const flushServedLog = () => recommendations(getContainer()).serving.served.flush()

    beforeEach(async () => {
      // Each test starts on an emptied database; drop what this process cached about the last one.
      recommendations(getContainer()).serving.experiments.invalidate()
      store = await createServingCatalog(getContainer())
      admin = await createAdminSession(getContainer(), http)
    })

    /** item_neighbors "similar" lists for the trail shoe, and a store-wide trending list. */
    async function publishLists(similar: string[]) {
      const p = store.product
      const neighborsRunId = await publishRun(getContainer(), "item_neighbors", async (w) => {
        await w.neighbors("similar", p["trail-shoe"].id, similar.map((productId, i) => ({ productId, score: 10 - i })))
      })
      const trendingRunId = await publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", [p.teapot, p.mug].map((x, i) => ({ productId: x.id, score: 2 - i })))
      })
      return { neighborsRunId, trendingRunId }
    }

    it("assigns each shopper a sticky arm whose strategy they see, and logs experiment and arm", async () => {
      const p = store.product
      const { neighborsRunId, trendingRunId } = await publishLists([p["road-shoe"].id, p["hiking-boot"].id])
      const arms: ExperimentArm[] = [
        { name: "control", traffic: 50, strategy: "active_model" },
        { name: "popular", traffic: 50, strategy: "trending" },
      ]
      const created = await adminPost("", { name: "Neighbours vs popularity", placement: "related", arms })
      expect(created.status).toBe(201)
      const experiment = created.data.experiment as Experiment
      expect(experiment).toMatchObject({ name: "Neighbours vs popularity", placement: "related", status: "running", arms, stopped_at: null, winner_arm: null })

      const seen = new Map<string, string>()
      for (const round of [1, 2]) {
        for (const id of anonymousIds("anon", 30)) {
          const body = await related(id, p["trail-shoe"].id)
          expect(body.experiment?.id).toBe(experiment.id)
          const arm = body.experiment!.arm
          if (round === 2) expect({ id, arm }).toEqual({ id, arm: seen.get(id) })
          seen.set(id, arm)
          // The documented rule: bucket = hash(experiment id + ":" + actor id) mod 100 over the shares.
          expect(arm).toBe(assignArm({ ...experiment, status: "running" }, id)!.name)
          if (arm === "control") {
            expect(body.model).toMatchObject({ run_id: neighborsRunId, kind: "item_neighbors" })
            expect(idsOf(body)).toEqual([p["road-shoe"].id, p["hiking-boot"].id])
          } else {
            expect(body.model).toMatchObject({ run_id: trendingRunId, kind: "trending" })
            expect(idsOf(body)).toEqual([p.teapot.id, p.mug.id])
          }
        }
      }
      expect(new Set(seen.values())).toEqual(new Set(["control", "popular"]))

      await flushServedLog()
      const rows = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT actor_id, experiment_id, arm, model_run_id FROM reco_served_recommendation WHERE placement = 'related'`)).rows
      )
      expect(rows).toHaveLength(60)
      for (const row of rows) {
        expect(row.experiment_id).toBe(experiment.id)
        expect(row.arm).toBe(seen.get(row.actor_id))
        expect(row.model_run_id).toBe(row.arm === "control" ? neighborsRunId : trendingRunId)
      }

      // Another placement is not in the experiment.
      const trending = await recommendationsClient(http, store)({ placement: "trending" }, { "x-reco-anonymous-id": "anon_0000_shopper" })
      expect((trending.data as Body).experiment).toBeNull()

      // The results count the visitors of each arm from the served log.
      const { data } = await adminGet(`/${experiment.id}`)
      const visitors = Object.fromEntries((data.results.arms as Array<{ name: string; visitors: number }>).map((a) => [a.name, a.visitors]))
      const expected = { control: 0, popular: 0 }
      for (const arm of seen.values()) expected[arm as keyof typeof expected]++
      expect(visitors).toEqual(expected)
    })

    it("a shopper who logs in on the same device keeps the arm of their anonymous id", async () => {
      const p = store.product
      await publishLists([p["road-shoe"].id])
      const arms: ExperimentArm[] = [
        { name: "control", traffic: 50, strategy: "active_model" },
        { name: "popular", traffic: 50, strategy: "trending" },
      ]
      const experiment = (await adminPost("", { name: "Sticky through login", placement: "related", arms })).data.experiment as Experiment
      const { shopper, customerId } = await Shopper.register(http, store, "sticky@example.com")
      const armOf = (key: string) => assignArm({ ...experiment, status: "running" }, key)!.name
      // A device id whose bucket differs from the customer's own, so keeping the arm proves the rule.
      const device = anonymousIds("device", 50).find((id) => armOf(id) !== armOf(customerId))!
      const ask = async (headers: Record<string, string>) => {
        const res = await http.get("/store/recommendations", {
          params: { placement: "related", product_id: p["trail-shoe"].id },
          headers: { ...shopper.headers(), ...headers },
        })
        return (res.data as Body).experiment!.arm
      }
      expect((await related(device, p["trail-shoe"].id)).experiment!.arm).toBe(armOf(device))
      expect(await ask({ "x-reco-anonymous-id": device })).toBe(armOf(device))
      // On a device without the anonymous id, the customer's own bucket decides.
      expect(await ask({})).toBe(armOf(customerId))
    })

    it("stop: no experiment in answers from the next request on; stop again changes nothing", async () => {
      const p = store.product
      await publishLists([p["road-shoe"].id])
      const { data } = await adminPost("", {
        name: "Popular for everyone",
        placement: "related",
        arms: [
          { name: "control", traffic: 0, strategy: "active_model" },
          { name: "popular", traffic: 100, strategy: "trending" },
        ],
      })
      const id = (data.experiment as Experiment).id
      expect((await related("anon_stop_01", p["trail-shoe"].id)).experiment).toEqual({ id, arm: "popular" })

      const stopped = await adminPost(`/${id}/stop`, {})
      expect(stopped.status).toBe(200)
      expect(stopped.data.experiment).toMatchObject({ id, status: "stopped", winner_arm: null })
      expect(stopped.data.experiment.stopped_at).toEqual(expect.any(String))
      const after = await related("anon_stop_01", p["trail-shoe"].id)
      expect(after.experiment).toBeNull()
      expect(idsOf(after)).toEqual([p["road-shoe"].id])
      expect(after.model?.kind).toBe("item_neighbors")

      const again = await adminPost(`/${id}/stop`, {})
      expect(again.status).toBe(200)
      expect(again.data.experiment.stopped_at).toBe(stopped.data.experiment.stopped_at)

      // A stopped experiment frees its placement for the next one.
      const next = await adminPost("", {
        name: "Second try",
        placement: "related",
        arms: [
          { name: "a", traffic: 50, strategy: "active_model" },
          { name: "b", traffic: 50, strategy: "blend", blend_weight: 0.5 },
        ],
      })
      expect(next.status).toBe(201)
      const list = await adminGet("", { status: "stopped" })
      expect(list.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
      expect(list.data.experiments.map((e: Experiment) => e.id)).toEqual([id])
      const all = await adminGet("", { limit: 1 })
      expect(all.data).toMatchObject({ count: 2, limit: 1 })
      expect(all.data.experiments.map((e: Experiment) => e.name)).toEqual(["Second try"])
    })

    it("a model_run arm serves that run's lists, a blend arm mixes in trending, and promoting the run activates it", async () => {
      const p = store.product
      // An old run, the challenger, then the run that serves today takes over.
      const oldRunId = await publishRun(getContainer(), "item_neighbors", async () => {})
      const challengerRunId = await publishRun(getContainer(), "item_neighbors", async (w) => {
        await w.neighbors("similar", p["trail-shoe"].id, [{ productId: p.sandal.id, score: 5 }])
      })
      const { neighborsRunId } = await publishLists([p["road-shoe"].id, p["hiking-boot"].id])
      const { data } = await adminPost("", {
        name: "New neighbours",
        placement: "related",
        arms: [
          { name: "control", traffic: 40, strategy: "active_model" },
          { name: "challenger", traffic: 30, strategy: "model_run", model_run_id: challengerRunId },
          { name: "mixed", traffic: 30, strategy: "blend", blend_weight: 0.5 },
        ],
      })
      const experiment = data.experiment as Experiment
      const byArm = new Map<string, Body>()
      for (const id of anonymousIds("runarm", 40)) {
        const body = await related(id, p["trail-shoe"].id)
        byArm.set(body.experiment!.arm, body)
      }
      expect([...byArm.keys()].sort()).toEqual(["challenger", "control", "mixed"])
      expect(byArm.get("control")!.model?.run_id).toBe(neighborsRunId)
      expect(idsOf(byArm.get("challenger")!)).toEqual([p.sandal.id])
      expect(byArm.get("challenger")!.model?.run_id).toBe(challengerRunId)
      // Blend 0.5: each list normalised to its best item; road shoe 0.5, teapot 0.5 (ties by id),
      // hiking boot 0.5·0.9 = 0.45, mug 0.5·0.5 = 0.25.
      const mixed = byArm.get("mixed")!
      expect(new Set(idsOf(mixed).slice(0, 2))).toEqual(new Set([p["road-shoe"].id, p.teapot.id]))
      expect(idsOf(mixed).slice(2)).toEqual([p["hiking-boot"].id, p.mug.id])
      expect(mixed.model?.run_id).toBe(neighborsRunId)

      // Pruning old runs spares the one a running experiment serves.
      expect(await pruneRuns(recommendations(getContainer()).dataSource, "item_neighbors", 0)).toBe(1)
      const left = await withPg(dbConfig.clientUrl, async (c) => (await c.query(`SELECT id FROM reco_model_run`)).rows.map((r) => r.id))
      expect(left).not.toContain(oldRunId)
      expect(left).toContain(challengerRunId)

      const bad = await adminPost(`/${experiment.id}/promote`, { arm: "nobody" })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/arm must be one of/)

      const promoted = await adminPost(`/${experiment.id}/promote`, { arm: "challenger" })
      expect(promoted.status).toBe(200)
      expect(promoted.data.experiment).toMatchObject({ status: "stopped", winner_arm: "challenger" })
      const active = await withPg(dbConfig.clientUrl, async (c) =>
        (await c.query(`SELECT id FROM reco_model_run WHERE model_kind = 'item_neighbors' AND is_active`)).rows
      )
      expect(active).toEqual([{ id: challengerRunId }])
      // Everyone now gets the promoted run, outside any experiment.
      for (const id of anonymousIds("after", 5)) {
        const body = await related(id, p["trail-shoe"].id)
        expect(body.experiment).toBeNull()
        expect(body.model?.run_id).toBe(challengerRunId)
        expect(idsOf(body)).toEqual([p.sandal.id])
      }
      const twice = await adminPost(`/${experiment.id}/promote`, { arm: "control" })
      expect(twice.status).toBe(400)
      expect(twice.data.message).toMatch(/already promoted arm challenger/)
    })

    it("promoting a trending arm keeps serving trending on that placement until another experiment", async () => {
      const p = store.product
      await publishLists([p["road-shoe"].id])
      const { data } = await adminPost("", {
        name: "Popularity control",
        placement: "related",
        arms: [
          { name: "model", traffic: 50, strategy: "active_model" },
          { name: "popular", traffic: 50, strategy: "trending" },
        ],
      })
      const promoted = await adminPost(`/${data.experiment.id}/promote`, { arm: "popular" })
      expect(promoted.data.experiment).toMatchObject({ status: "stopped", winner_arm: "popular" })
      for (const id of anonymousIds("perm", 6)) {
        const body = await related(id, p["trail-shoe"].id)
        expect(body.experiment).toBeNull()
        expect(idsOf(body)).toEqual([p.teapot.id, p.mug.id])
      }
    })

    it("computes results on known attribution: conversion and revenue per visitor, intervals, z and Welch tests", async () => {
      const { data } = await adminPost("", {
        name: "Known answer",
        placement: "for_you",
        arms: [
          { name: "control", traffic: 50, strategy: "active_model" },
          { name: "trending", traffic: 50, strategy: "trending" },
        ],
      })
      const id = (data.experiment as Experiment).id
      const other = "00000000-0000-4000-8000-000000000000"
      // Served log: control 10 visitors (c0 twice), treatment 8 visitors; one row of another experiment.
      const served: Array<[string, string, string, string]> = [
        ...anonymousIds("c", 10).map((a, i) => [`rec_c${i}`, a, id, "control"] as [string, string, string, string]),
        ["rec_c0_again", "c_0000_shopper", id, "control"],
        ...anonymousIds("t", 8).map((a, i) => [`rec_t${i}`, a, id, "trending"] as [string, string, string, string]),
        ["rec_other", "x_0000_shopper", other, "control"],
      ]
      // Attribution: control buys EUR 12.5 (10 + 2.5 over two orders), 50 less a 10 partial return, 25;
      // a canceled order does not count. Treatment: EUR 30; USD 20 from a shopper who checked out
      // logged in (the line is theirs through its recommendation); a returned line does not count.
      type Line = [order: string, rec: string, actor: string, revenue: number, reversed: number, currency: string, status: string, experiment: string, arm: string]
      const lines: Line[] = [
        ["o1", "rec_c0", "c_0000_shopper", 10, 0, "eur", "active", id, "control"],
        ["o2", "rec_c0_again", "c_0000_shopper", 2.5, 0, "eur", "active", id, "control"],
        ["o3", "rec_c1", "c_0001_shopper", 50, 10, "EUR", "active", id, "control"],
        ["o4", "rec_c2", "c_0002_shopper", 25, 0, "eur", "active", id, "control"],
        ["o5", "rec_c3", "c_0003_shopper", 100, 100, "eur", "canceled", id, "control"],
        ["o6", "rec_t0", "t_0000_shopper", 30, 0, "eur", "active", id, "trending"],
        ["o7", "rec_t1", "cus_01KNOWNANSWER", 20, 0, "usd", "active", id, "trending"],
        ["o8", "rec_t2", "t_0002_shopper", 40, 40, "eur", "returned", id, "trending"],
        ["o9", "rec_other", "x_0000_shopper", 999, 0, "eur", "active", other, "control"],
      ]
      await withPg(dbConfig.clientUrl, async (c) => {
        for (const [rid, actor, experiment, arm] of served) {
          await c.query(
            `INSERT INTO reco_served_recommendation (id, actor_type, actor_id, placement, experiment_id, arm, items)
             VALUES ($1, 'anonymous', $2, 'for_you', $3, $4, '[]')`,
            [rid, actor, experiment, arm]
          )
        }
        for (const [order, rec, actor, revenue, reversed, currency, status, experiment, arm] of lines) {
          await c.query(
            `INSERT INTO reco_attribution (order_id, line_item_id, product_id, actor_type, actor_id, recommendation_id, placement,
                experiment_id, arm, touch, touched_at, quantity, revenue, reversed_revenue, currency_code, status, ordered_at)
             VALUES ($1, $11, 'prod_1', $2, $3, $4, 'for_you', $5, $6, 'click', now(), 1, $7, $8, $9, $10, now())`,
            [order, actor.startsWith("cus_") ? "customer" : "anonymous", actor, rec, experiment, arm, revenue, reversed, currency, status, `${order}_line`]
          )
        }
      })

      const res = await adminGet(`/${id}`)
      expect(res.status).toBe(200)
      expect(res.data.experiment).toMatchObject({ id, name: "Known answer" })
      const { arms, conversion_test, revenue_test } = res.data.results
      expect(arms.map((a: { name: string; visitors: number; conversions: number }) => [a.name, a.visitors, a.conversions])).toEqual([
        ["control", 10, 3],
        ["trending", 8, 2],
      ])
      const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 6)
      close(arms[0].conversion_rate, 0.3)
      close(arms[1].conversion_rate, 0.25)
      arms[0].conversion_ci.forEach((v: number, i: number) => close(v, KNOWN.control.wilson[i]!))
      arms[1].conversion_ci.forEach((v: number, i: number) => close(v, KNOWN.treatment.wilson[i]!))
      for (const [arm, known] of [[arms[0], KNOWN.control], [arms[1], KNOWN.treatment]] as const) {
        expect(arm.revenue_per_visitor.map((r: { currency_code: string }) => r.currency_code)).toEqual(["eur", "usd"])
        for (const [i, currency] of (["eur", "usd"] as const).entries()) {
          const rpv = arm.revenue_per_visitor[i]
          close(rpv.value, known[currency][0]!)
          close(rpv.ci[0], known[currency][1]!)
          close(rpv.ci[1], known[currency][2]!)
        }
      }
      expect(conversion_test).toMatchObject({ control: "control", treatment: "trending", significant: false })
      close(conversion_test.z, KNOWN.z)
      close(conversion_test.p_value, KNOWN.zP)
      expect(revenue_test).toMatchObject({ currency_code: "eur", significant: false })
      close(revenue_test.t, KNOWN.t)
      close(revenue_test.df, KNOWN.df)
      close(revenue_test.p_value, KNOWN.tP)
    })

    it("rejects bad input with 400s naming the field, unknown ids with 404, and a second running experiment on a placement", async () => {
      const run = await publishRun(getContainer(), "trending", async (w) => {
        await w.segment("all", [{ productId: store.product.mug.id, score: 1 }])
      })
      const intentRun = await publishRun(getContainer(), "intent", async () => {})
      const arm = (name: string, traffic: number, extra: Partial<ExperimentArm> = {}) => ({ name, traffic, strategy: "active_model", ...extra })
      const cases: Array<[unknown, RegExp]> = [
        [{ name: "x", placement: "for_you", arms: [arm("a", 100)] }, /field 'arms' too small, expected at least: '2'/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50), arm("a", 50)] }, /unique \(repeated: a\)/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50), arm("b", 40)] }, /sum to 100, got 90/],
        [{ name: "x", placement: "homepage", arms: [arm("a", 50), arm("b", 50)] }, /field 'placement', but got: 'homepage'/],
        [{ name: "x", placement: "recently_viewed", arms: [arm("a", 50), arm("b", 50)] }, /field 'placement', but got: 'recently_viewed'/],
        [{ name: "", placement: "for_you", arms: [arm("a", 50), arm("b", 50)] }, /field 'name' too small/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50), arm("b", 50, { strategy: "model_run" })] }, /model_run_id is required/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50), arm("b", 50, { blend_weight: 0.3 })] }, /blend_weight is only for strategy blend/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50), arm("b", 50, { strategy: "blend", blend_weight: 2 })] }, /field 'arms, 1, blend_weight' too big/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50.5), arm("b", 49.5)] }, /traffic must be a whole percent/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50), arm("b", 50, { strategy: "random" as never })] }, /strategy must be one of active_model, model_run, trending, blend/],
        [{ name: "x", placement: "for_you", arms: [arm("a", 50), arm("b", 50, { strategy: "model_run", model_run_id: "00000000-0000-4000-8000-000000000000" })] }, /was not found/],
        [{ name: "x", placement: "related", arms: [arm("a", 50), arm("b", 50, { strategy: "model_run", model_run_id: intentRun })] }, /is of kind intent, which related does not use/],
      ]
      for (const [body, message] of cases) {
        const res = await adminPost("", body)
        expect({ body, status: res.status }).toEqual({ body, status: 400 })
        expect(res.data.message).toMatch(message)
      }
      expect((await adminGet("", { status: "paused" })).status).toBe(400)
      expect((await adminGet("", { limit: 101 })).status).toBe(400)

      const ok = { name: "First", placement: "for_you", arms: [arm("a", 50), arm("b", 50, { strategy: "model_run", model_run_id: run })] }
      const first = await adminPost("", ok)
      expect(first.status).toBe(201)
      const second = await adminPost("", { ...ok, name: "Second" })
      expect(second.status).toBe(400)
      expect(second.data.message).toMatch(/for_you already runs an experiment/)
      expect((await adminPost(`/${first.data.experiment.id}/promote`, {})).status).toBe(400)
      // Two admins starting one at the same moment: the partial unique index lets one through.
      const racing = await Promise.all([1, 2].map((i) => adminPost("", { ...ok, name: `Race ${i}`, placement: "bought_together" })))
      expect(racing.map((r) => r.status).sort()).toEqual([201, 400])

      for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
        expect((await adminGet(`/${id}`)).status).toBe(404)
        expect((await adminPost(`/${id}/stop`, {})).status).toBe(404)
        expect((await adminPost(`/${id}/promote`, { arm: "a" })).status).toBe(404)
      }
    })

    it("every experiments route is behind admin auth: 401 without, 200 with", async () => {
      const { data } = await adminPost("", {
        name: "Auth",
        placement: "cart",
        arms: [
          { name: "a", traffic: 50, strategy: "active_model" },
          { name: "b", traffic: 50, strategy: "trending" },
        ],
      })
      const id = data.experiment.id as string
      const routes: Array<["get" | "post", string, unknown]> = [
        ["get", "", undefined],
        ["post", "", { name: "x", placement: "trending", arms: [{ name: "a", traffic: 50, strategy: "active_model" }, { name: "b", traffic: 50, strategy: "trending" }] }],
        ["get", `/${id}`, undefined],
        ["post", `/${id}/stop`, {}],
        ["post", `/${id}/promote`, { arm: "a" }],
      ]
      for (const [method, path, body] of routes) {
        const url = `/admin/recommendations/experiments${path}`
        const anonymous = method === "get" ? await http.get(url, { validateStatus: () => true }) : await http.post(url, body, { validateStatus: () => true })
        expect({ method, path, status: anonymous.status }).toEqual({ method, path, status: 401 })
      }
      for (const [method, path, body] of routes) {
        const res = method === "get" ? await adminGet(path) : await adminPost(path, body)
        expect({ method, path, status: res.status }).toEqual({ method, path, status: path === "" && method === "post" ? 201 : 200 })
      }
    })
  },
})
