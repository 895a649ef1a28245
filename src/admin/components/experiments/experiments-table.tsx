import { Table } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { formatDate, humanize } from "../../lib/format"
import type { Experiment } from "../../lib/types"
import { ArmSummary } from "./arm-summary"
import { ExperimentStatusBadge } from "./experiment-status-badge"

export const ExperimentsTable = ({ experiments }: { experiments: Experiment[] }) => {
  const navigate = useNavigate()
  return (
    <Table data-testid="experiments-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Name</Table.HeaderCell>
          <Table.HeaderCell>Placement</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Arms</Table.HeaderCell>
          <Table.HeaderCell>Started</Table.HeaderCell>
          <Table.HeaderCell>Stopped</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {experiments.map((e) => (
          <Table.Row
            key={e.id}
            className="cursor-pointer"
            onClick={() => navigate(`/recommendations/experiments/${e.id}`)}
            data-testid="experiment-row"
          >
            <Table.Cell className="txt-compact-small-plus">{e.name}</Table.Cell>
            <Table.Cell>{humanize(e.placement)}</Table.Cell>
            <Table.Cell>
              <ExperimentStatusBadge experiment={e} />
            </Table.Cell>
            <Table.Cell>
              <ArmSummary arms={e.arms} />
            </Table.Cell>
            <Table.Cell>{formatDate(e.started_at)}</Table.Cell>
            <Table.Cell>{formatDate(e.stopped_at)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
