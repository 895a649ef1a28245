import { Badge, Table, Text } from "@medusajs/ui"
import { formatDate, formatDuration, humanize } from "../../lib/format"
import type { ModelRun } from "../../lib/types"
import { LiftBadge } from "./lift-badge"
import { ProgressBar } from "./progress-bar"
import { RunActions } from "./run-actions"
import { RunMetric } from "./run-metric"
import { RunStatusBadge } from "./run-status-badge"

type Props = { runs: ModelRun[]; onOpen: (run: ModelRun) => void }

export const ModelRunsTable = ({ runs, onOpen }: Props) => {
  const activeByKind = new Map(runs.filter((r) => r.is_active).map((r) => [r.model_kind, r]))
  return (
    <Table data-testid="model-runs">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Model</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Backend</Table.HeaderCell>
          <Table.HeaderCell>Holdout metric</Table.HeaderCell>
          <Table.HeaderCell>Lift</Table.HeaderCell>
          <Table.HeaderCell>Trigger</Table.HeaderCell>
          <Table.HeaderCell>Created</Table.HeaderCell>
          <Table.HeaderCell>Duration</Table.HeaderCell>
          <Table.HeaderCell className="text-right" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {runs.map((run) => (
          <Table.Row key={run.id} className="cursor-pointer" onClick={() => onOpen(run)} data-testid="model-run-row" data-status={run.status}>
            <Table.Cell>
              <div className="flex flex-col py-1">
                <Text size="small" leading="compact" weight="plus">
                  {humanize(run.model_kind)}
                </Text>
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                  {run.algorithm}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell>
              <div className="flex items-center gap-x-2">
                <RunStatusBadge status={run.status} />
                {run.is_active ? (
                  <Badge size="2xsmall" color="green">
                    Active
                  </Badge>
                ) : null}
              </div>
              {run.status === "running" ? <ProgressBar value={run.progress} className="mt-1 w-24" /> : null}
            </Table.Cell>
            <Table.Cell>{run.backend ?? "–"}</Table.Cell>
            <Table.Cell>
              <RunMetric run={run} />
            </Table.Cell>
            <Table.Cell>
              <LiftBadge lift={run.lift} />
            </Table.Cell>
            <Table.Cell>{run.trigger ?? "–"}</Table.Cell>
            <Table.Cell>{formatDate(run.created_at)}</Table.Cell>
            <Table.Cell>{formatDuration(run.started_at, run.finished_at)}</Table.Cell>
            <Table.Cell className="text-right">
              <RunActions run={run} active={activeByKind.get(run.model_kind)} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
