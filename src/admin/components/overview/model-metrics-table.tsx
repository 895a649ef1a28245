import { Badge, Table } from "@medusajs/ui"
import { formatInt, formatMoneyList, formatPercent, humanize } from "../../lib/format"
import type { ModelMetrics } from "../../lib/types"
import { EmptyState } from "../common/empty-state"

export const ModelMetricsTable = ({ rows }: { rows: ModelMetrics[] }) =>
  rows.length ? (
    <Table data-testid="model-metrics">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Model</Table.HeaderCell>
          <Table.HeaderCell>Run</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Served</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Impressions</Table.HeaderCell>
          <Table.HeaderCell className="text-right">CTR</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Conversion</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.model_run_id}>
            <Table.Cell>
              <div className="flex items-center gap-x-2">
                {humanize(r.model_kind)}
                <Badge size="2xsmall">{r.algorithm}</Badge>
              </div>
            </Table.Cell>
            <Table.Cell className="font-mono text-xs">{r.model_run_id.slice(0, 8)}</Table.Cell>
            <Table.Cell className="text-right">{formatInt(r.served)}</Table.Cell>
            <Table.Cell className="text-right">{formatInt(r.impressions)}</Table.Cell>
            <Table.Cell className="text-right">{formatPercent(r.ctr, 2)}</Table.Cell>
            <Table.Cell className="text-right">{formatInt(r.attributed_orders)}</Table.Cell>
            <Table.Cell className="text-right">{formatPercent(r.conversion_rate)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoneyList(r.revenue)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  ) : (
    <EmptyState title="No model has served anything in this period" />
  )
