import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Select } from "@medusajs/ui"
import { useState } from "react"
import { EmptyState } from "../../../components/common/empty-state"
import { ErrorState } from "../../../components/common/error-state"
import { LoadingState } from "../../../components/common/loading-state"
import { PageHeader } from "../../../components/common/page-header"
import { Pager } from "../../../components/common/pager"
import { CreateExperimentModal } from "../../../components/experiments/create-experiment-modal"
import { ExperimentsTable } from "../../../components/experiments/experiments-table"
import { useExperiments } from "../../../hooks/use-experiments"
import { withRecoQueryClient } from "../../../lib/query-client"

const LIMIT = 20
const ALL = "__all__"

const ExperimentsPage = () => {
  const [status, setStatus] = useState<string>(ALL)
  const [offset, setOffset] = useState(0)
  const { data, error, isLoading } = useExperiments({ status: status === ALL ? undefined : status, limit: LIMIT, offset })
  return (
    <Container className="divide-y p-0" data-testid="reco-experiments">
      <PageHeader
        title="Experiments"
        description="A/B tests of models and blends per placement, with conversion and revenue per visitor."
        actions={
          <>
            <Select
              size="small"
              value={status}
              onValueChange={(v) => {
                setStatus(v)
                setOffset(0)
              }}
            >
              <Select.Trigger aria-label="Status" style={{ width: 130 }}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All</Select.Item>
                <Select.Item value="running">Running</Select.Item>
                <Select.Item value="stopped">Stopped</Select.Item>
              </Select.Content>
            </Select>
            <CreateExperimentModal />
          </>
        }
      />
      {error ? (
        <ErrorState error={error} what="the experiments" />
      ) : isLoading || !data ? (
        <LoadingState />
      ) : data.experiments.length ? (
        <>
          <ExperimentsTable experiments={data.experiments} />
          <Pager count={data.count} limit={LIMIT} offset={offset} onOffset={setOffset} />
        </>
      ) : (
        <EmptyState title="No experiments yet">Create one to compare the model with trending or another run.</EmptyState>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Experiments", rank: 2 })

export default withRecoQueryClient(ExperimentsPage)
