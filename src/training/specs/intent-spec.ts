import { rocAuc } from "../../ml/eval/metrics"
import { extractSessionFeatures, SESSION_INTENT_SCHEMA, type SessionEvent } from "../../ml/features/session-features"
import { IntentModel } from "../../ml/models/intent"
import { initTf } from "../../ml/tf"
import type { ModelSpec } from "../model-spec"
import type { TrainingData } from "../training-data"
import { typeOf } from "./behaviour"

const GAP_MS = 30 * 60_000

type LabelledSessions = { rows: Array<Record<string, string | number | boolean>>; labels: Float32Array }

/**
 * Each shopper's sessions (30-minute gaps) as store-side features, labelled by whether the
 * session ended in a purchase (purchases themselves are the label, never a feature).
 */
function labelledSessions(data: TrainingData): LabelledSessions {
  const byActor = new Map<number, number[]>()
  for (let i = 0; i < data.actor.length; i++) {
    const list = byActor.get(data.actor[i]!) ?? []
    list.push(i)
    byActor.set(data.actor[i]!, list)
  }
  const rows: LabelledSessions["rows"] = []
  const labels: number[] = []
  for (const events of byActor.values()) {
    events.sort((a, b) => data.time[a]! - data.time[b]!)
    let session: SessionEvent[] = []
    let bought = false
    let previousStart: Date | null = null
    const close = () => {
      const browsing = session.filter((e) => e.type !== "purchase")
      if (browsing.length > 0) {
        rows.push(extractSessionFeatures(browsing, { previousVisitAt: previousStart }))
        labels.push(bought ? 1 : 0)
        previousStart = browsing[0]!.occurredAt
      }
      session = []
      bought = false
    }
    let last = -Infinity
    for (const i of events) {
      if (data.time[i]! - last > GAP_MS && session.length > 0) close()
      const type = typeOf(data, i)
      session.push({ type, productId: data.products[data.product[i]!] ?? null, occurredAt: new Date(data.time[i]!) })
      if (type === "purchase") bought = true
      last = data.time[i]!
    }
    if (session.length > 0) close()
  }
  return { rows, labels: Float32Array.from(labels) }
}

/**
 * Purchase intent of the current session (tfjs dense network), stored as weights for serving.
 * Scored by ROC AUC on the holdout sessions beside a one-feature baseline (cart adds).
 */
export function intentSpec(): ModelSpec<IntentModel> {
  return {
    kind: "intent",
    // A network that cannot beat counting cart adds must not drive anything shown to shoppers.
    mustBeatBaseline: true,
    algorithm: () => "dense-sigmoid-bce-adam",
    params: () => ({ session_gap_minutes: 30 }),
    backend: async () => (await initTf()).backend,
    async evaluate(split, ctx) {
      const train = labelledSessions(split.train)
      const holdout = labelledSessions(split.holdout)
      const model = await IntentModel.train(SESSION_INTENT_SCHEMA, train.rows, train.labels, {}, ctx)
      const cases = holdout.rows.length
      const positives = holdout.labels.reduce((a, b) => a + b, 0)
      if (cases === 0 || positives === 0 || positives === cases) {
        return { primary: "auc", metrics: { auc: 0 }, baseline: { auc: 0 }, cases: 0 }
      }
      const cartAdds = Float32Array.from(holdout.rows, (r) => Number(r.cart_add_count))
      return {
        primary: "auc",
        metrics: { auc: rocAuc(model.predict(holdout.rows), holdout.labels) },
        baseline: { auc: rocAuc(cartAdds, holdout.labels) },
        cases,
      }
    },
    async fit(data, ctx) {
      const all = labelledSessions(data)
      return IntentModel.train(SESSION_INTENT_SCHEMA, all.rows, all.labels, {}, ctx)
    },
    async materialise(model, _data, writer) {
      await writer.artifact("intent-model", "intent-model/v1", model.exportWeights())
    },
  }
}
