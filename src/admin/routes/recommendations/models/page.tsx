import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { EmptyState } from "../../../components/common/empty-state"
import { ErrorState } from "../../../components/common/error-state"
import { LoadingState } from "../../../components/common/loading-state"
import { PageHeader } from "../../../components/common/page-header"
import { Pager } from "../../../components/common/pager"
import { KindSelect } from "../../../components/models/kind-select"
import { ModelRunsTable } from "../../../components/models/model-runs-table"
import { RunDetailsDrawer } from "../../../components/models/run-details-drawer"
import { TrainingPanel } from "../../../components/models/training-panel"
import { useModelRuns } from "../../../hooks/use-models"
import { withRecoQueryClient } from "../../../lib/query-client"
import type { ModelRun } from "../../../lib/types"

const LIMIT = 20

const ModelsPage = () => {
  const [kind, setKind] = useState<string | null>(null)
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<ModelRun | null>(null)
  // After a retrain, keep polling for a minute even before the worker reports the job.
  const [watchUntil, setWatchUntil] = useState(0)
  const { data, error, isLoading } = useModelRuns({ kind: kind ?? undefined, limit: LIMIT, offset })

  return (
    <div className="flex flex-col gap-y-3" data-testid="reco-models">
      <TrainingPanel watchUntil={watchUntil} onQueued={() => setWatchUntil(Date.now() + 60_000)} />
      <Container className="divide-y p-0">
        <PageHeader
          title="Model runs"
          description="Every training run, its holdout metric beside the popularity baseline, and which one serves."
          actions={
            <KindSelect
              value={kind}
              onChange={(k) => {
                setKind(k)
                setOffset(0)
              }}
            />
          }
        />
        {error ? (
          <ErrorState error={error} what="the model runs" />
        ) : isLoading || !data ? (
          <LoadingState rows={5} />
        ) : data.model_runs.length ? (
          <>
            <ModelRunsTable runs={data.model_runs} onOpen={setOpen} />
            <Pager count={data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />
          </>
        ) : (
          <EmptyState title="No model has been trained yet">Start a retrain: the worker trains every model kind.</EmptyState>
        )}
      </Container>
      <RunDetailsDrawer run={open} onClose={() => setOpen(null)} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Models", rank: 1 })

export default withRecoQueryClient(ModelsPage)
