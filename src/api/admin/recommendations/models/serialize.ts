import type { RecoModelRun } from "../../../../store/entities"

/** The holdout metric each kind is judged by (see src/training/specs): the one `lift` is measured on. */
const PRIMARY_METRIC: Record<string, string> = {
  trending: "hit_share_at_10",
  item_neighbors: "hr_at_10",
  session: "hr_at_20",
  content: "hr_at_10",
  for_you: "ndcg_at_10",
  intent: "auc",
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** A reco_model_run row as the admin API's ModelRun. */
export function serializeModelRun(run: RecoModelRun) {
  const metrics = run.metrics ?? null
  return {
    id: run.id,
    model_kind: run.modelKind,
    algorithm: run.algorithm,
    status: run.status,
    is_active: run.isActive,
    backend: run.backend,
    progress: run.progress,
    params: run.params,
    metrics,
    baseline_metrics: run.baselineMetrics,
    primary_metric: PRIMARY_METRIC[run.modelKind] ?? null,
    lift: typeof metrics?.lift === "number" ? metrics.lift : null,
    reason: run.reason,
    error: run.error,
    trigger: run.trigger,
    job_id: run.jobId,
    cancel_requested: run.cancelRequested,
    data_cutoff: iso(run.dataCutoff),
    event_count: run.eventCount,
    created_at: iso(run.createdAt),
    started_at: iso(run.startedAt),
    finished_at: iso(run.finishedAt),
    activated_at: iso(run.activatedAt),
  }
}
export type ModelRunBody = ReturnType<typeof serializeModelRun>
