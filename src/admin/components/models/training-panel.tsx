import { Button, Container, Text, toast, usePrompt } from "@medusajs/ui"
import { useCancelRun, useTraining } from "../../hooks/use-models"
import { formatDate, formatDuration, humanize } from "../../lib/format"
import { errorMessage } from "../../lib/http"
import type { ModelRun } from "../../lib/types"
import { ErrorState } from "../common/error-state"
import { SectionHeader } from "../common/section-header"
import { ProgressBar } from "./progress-bar"
import { RetrainMenu } from "./retrain-menu"
import { RunStatusBadge } from "./run-status-badge"

/** Live training state, polled every 2 s while something runs or waits for a worker. */
export const TrainingPanel = ({ watchUntil, onQueued }: { watchUntil: number; onQueued: () => void }) => {
  const { data, error } = useTraining({ watchUntil })
  const busy = !!data && (data.running.length > 0 || data.queued_jobs > 0)
  const description = !data
    ? "Loading…"
    : busy
      ? `${data.running.length} run(s) in progress, ${data.queued_jobs} job(s) queued. Refreshing every 2 s.`
      : data.last_finished
        ? `Idle. Last run: ${humanize(data.last_finished.model_kind)} ${data.last_finished.status}, ${formatDate(data.last_finished.finished_at)}.`
        : "Idle. No run has finished yet."
  return (
    <Container className="divide-y p-0" data-testid="training-panel" data-busy={busy ? "true" : "false"}>
      <SectionHeader title="Training" description={description} actions={<RetrainMenu onQueued={onQueued} />} />
      {error ? <ErrorState error={error} what="the training state" /> : null}
      {data?.running.length ? (
        <div className="flex flex-col divide-y">
          {data.running.map((run) => (
            <RunningRow key={run.id} run={run} />
          ))}
        </div>
      ) : null}
    </Container>
  )
}

const RunningRow = ({ run }: { run: ModelRun }) => {
  const cancel = useCancelRun()
  const prompt = usePrompt()
  const onCancel = async () => {
    const ok = await prompt({
      title: "Cancel this training run?",
      description: `The ${humanize(run.model_kind)} run stops at its next checkpoint; the active model keeps serving.`,
      confirmText: "Cancel run",
      cancelText: "Keep running",
    })
    if (!ok) return
    cancel.mutate(run.id, {
      onSuccess: () => toast.success("Cancel requested"),
      onError: (e) => toast.error("Could not cancel", { description: errorMessage(e) }),
    })
  }
  return (
    <div className="flex items-center gap-x-4 px-6 py-3" data-testid="running-run" data-progress={run.progress}>
      <div className="flex flex-col" style={{ width: 192 }}>
        <Text size="small" leading="compact" weight="plus">
          {humanize(run.model_kind)}
        </Text>
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
          {run.algorithm} · {run.backend ?? "–"}
        </Text>
      </div>
      <RunStatusBadge status={run.status} />
      <div className="flex flex-1 items-center gap-x-3">
        <ProgressBar value={run.progress} />
        <Text size="small" leading="compact" className="w-12 text-right tabular-nums" data-testid="run-progress">
          {Math.round(run.progress * 100)}%
        </Text>
      </div>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle w-24 text-right" style={{ width: 96 }}>
        {formatDuration(run.started_at, null)}
      </Text>
      <Button size="small" variant="secondary" onClick={onCancel} isLoading={cancel.isPending}>
        Cancel
      </Button>
    </div>
  )
}
