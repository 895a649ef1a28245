import { Table } from "@medusajs/ui"
import { formatInt, formatMoneyList, formatPercent, humanize } from "../../lib/format"
import type { PlacementMetrics } from "../../lib/types"
import { EmptyState } from "../common/empty-state"

export const PlacementMetricsTable = ({ rows }: { rows: PlacementMetrics[] }) =>
  rows.length ? (
    <Table data-testid="placement-metrics">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Placement</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Served</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Impressions</Table.HeaderCell>
          <Table.HeaderCell className="text-right">CTR</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Add-to-cart rate</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Conversion</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.placement}>
            <Table.Cell>{humanize(r.placement)}</Table.Cell>
            <Table.Cell className="text-right">{formatInt(r.served)}</Table.Cell>
            <Table.Cell className="text-right">{formatInt(r.impressions)}</Table.Cell>
            <Table.Cell className="text-right">{formatPercent(r.ctr, 2)}</Table.Cell>
            <Table.Cell className="text-right">{formatPercent(r.add_to_cart_rate)}</Table.Cell>
            <Table.Cell className="text-right">{formatInt(r.attributed_orders)}</Table.Cell>
            <Table.Cell className="text-right">{formatPercent(r.conversion_rate)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoneyList(r.revenue)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  ) : (
    <EmptyState title="No placement has served anything in this period" />
  )
