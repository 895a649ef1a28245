import type { DataSource } from "typeorm"
import { MlAbortedError } from "../ml/errors"
import { decideActivation } from "./activation-policy"
import { ListWriter } from "./list-writer"
import type { ModelSpec, ShardRunner, TrainContext } from "./model-spec"
import { activateRun, activeRun, createRun, pruneRuns, updateRun } from "./model-runs"
import { splitByTime } from "./time-split"
import { loadTrainingData } from "./training-data"

export type TrainingRequest = { jobId: string | null; trigger: string }

export type TrainingOutcome = {
  runs: Array<{ id: string; kind: string; status: string; activated: boolean; reason: string | null }>
}

export type TrainingHooks = {
  signal?: AbortSignal
  /** Overall progress 0..1 of the whole job (mirrored to BullMQ's job progress). */
  onProgress?: (fraction: number) => void
  log?: (message: string) => void
  /** Runs kept per kind for rollback. */
  keepRuns?: number
  holdoutDays?: number
  /** Where large materialisations fan out to (BullMQ flow), if anywhere. */
  shards?: ShardRunner
}

/** Everything a run writes besides its own row; a failed or canceled run leaves none of it. */
const RUN_OUTPUT_TABLES = ["reco_actor_list", "reco_item_neighbor", "reco_segment_list", "reco_model_artifact", "reco_model_blob"]

/** Minimum gap between progress writes to a run row. */
const PROGRESS_WRITE_MS = 1_000

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/**
 * One training job: read the behaviour once, then for every model kind score it on a time
 * holdout beside its baseline, decide activation against the run now serving, fit on all
 * data, write its lists under a new run id and switch atomically. A kind that fails or loses
 * leaves the previous run serving, and its reason is recorded on its run row.
 */
export async function runTraining(
  dataSource: DataSource,
  specs: Array<ModelSpec<unknown>>,
  request: TrainingRequest,
  hooks: TrainingHooks = {}
): Promise<TrainingOutcome> {
  const log = hooks.log ?? (() => undefined)
  const data = await loadTrainingData(dataSource)
  const split = splitByTime(data, { holdoutDays: hooks.holdoutDays })
  log(`training on ${data.actor.length} events, ${data.actors.length} shoppers, ${data.products.length} products`)
  const outcome: TrainingOutcome = { runs: [] }

  for (const [index, spec] of specs.entries()) {
    const overall = (fraction: number) => hooks.onProgress?.((index + fraction) / specs.length)
    const run = await createRun(dataSource, {
      modelKind: spec.kind,
      algorithm: spec.algorithm(data),
      jobId: request.jobId,
      trigger: request.trigger,
      params: spec.params(data),
    })
    await updateRun(dataSource, run.id, {
      dataCutoff: data.watermark,
      eventCount: data.actor.length,
      backend: await spec.backend(),
    })
    let lastWrite = 0
    const phase = (from: number, to: number): TrainContext => ({
      signal: hooks.signal,
      shards: hooks.shards,
      onProgress: (f) => {
        const p = from + (to - from) * Math.min(1, Math.max(0, f))
        overall(p)
        const now = Date.now()
        if (now - lastWrite >= PROGRESS_WRITE_MS) {
          lastWrite = now
          void updateRun(dataSource, run.id, { progress: p }).catch(() => undefined)
        }
      },
    })
    try {
      const evaluation = await spec.evaluate(split, phase(0, 0.45))
      const current = await activeRun(dataSource, spec.kind)
      const primary = evaluation.metrics[evaluation.primary] ?? 0
      const base = evaluation.baseline[evaluation.primary] ?? 0
      const metrics: Record<string, number> = {
        ...evaluation.metrics,
        holdout_cases: evaluation.cases,
        ...(evaluation.cases > 0 ? { lift: primary / Math.max(base, 1e-9) } : {}),
      }
      await updateRun(dataSource, run.id, { metrics, baselineMetrics: evaluation.baseline, progress: 0.45 })
      const decision = decideActivation(evaluation, current ? { id: current.id, metrics: current.metrics } : null, spec.mustBeatBaseline)
      if (!decision.activate) {
        await updateRun(dataSource, run.id, { status: "rejected", reason: decision.reason, finishedAt: new Date(), progress: 1 })
        outcome.runs.push({ id: run.id, kind: spec.kind, status: "rejected", activated: false, reason: decision.reason })
        log(`${spec.kind}: not activated: ${decision.reason}`)
        overall(1)
        continue
      }
      const model = await spec.fit(data, phase(0.45, 0.75))
      const writer = new ListWriter(dataSource.manager, run.id)
      await spec.materialise(model, data, writer, phase(0.75, 0.98))
      await writer.flush()
      await dataSource.query(`DELETE FROM reco_model_blob WHERE model_run_id = $1`, [run.id])
      await updateRun(dataSource, run.id, { status: "succeeded", reason: decision.reason, finishedAt: new Date(), progress: 1 })
      await activateRun(dataSource, run.id)
      await pruneRuns(dataSource, spec.kind, hooks.keepRuns ?? 5)
      outcome.runs.push({ id: run.id, kind: spec.kind, status: "succeeded", activated: true, reason: decision.reason })
      log(`${spec.kind}: activated run ${run.id} (${writer.written} rows)`)
    } catch (e) {
      const aborted = e instanceof MlAbortedError || hooks.signal?.aborted === true
      for (const table of RUN_OUTPUT_TABLES) {
        await dataSource.query(`DELETE FROM ${table} WHERE model_run_id = $1`, [run.id])
      }
      await updateRun(dataSource, run.id, {
        status: aborted ? "canceled" : "failed",
        error: messageOf(e),
        finishedAt: new Date(),
      })
      outcome.runs.push({ id: run.id, kind: spec.kind, status: aborted ? "canceled" : "failed", activated: false, reason: messageOf(e) })
      log(`${spec.kind}: ${aborted ? "canceled" : "failed"}: ${messageOf(e)}`)
      if (aborted) throw e
    }
    overall(1)
  }
  if (outcome.runs.length > 0 && outcome.runs.every((r) => r.status === "failed")) {
    throw new Error(`every model failed: ${outcome.runs.map((r) => `${r.kind}: ${r.reason}`).join("; ")}`)
  }
  return outcome
}

