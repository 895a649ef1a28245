import { Badge, StatusBadge, Table, Text } from "@medusajs/ui"
import { formatAmount, formatDate, humanize } from "../../lib/format"
import type { Attribution } from "../../lib/types"

const STATUS = {
  active: { color: "green", label: "Attributed" },
  canceled: { color: "grey", label: "Canceled" },
  returned: { color: "orange", label: "Returned" },
} as const

/** Which order lines were earned by which recommendation. */
export const AttributionTable = ({ rows }: { rows: Attribution[] }) => (
  <Table data-testid="attribution-table">
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Item</Table.HeaderCell>
        <Table.HeaderCell>Placement</Table.HeaderCell>
        <Table.HeaderCell>Touch</Table.HeaderCell>
        <Table.HeaderCell>Model / experiment</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
        <Table.HeaderCell>Status</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {rows.map((a) => {
        const status = STATUS[a.status] ?? STATUS.active
        return (
          <Table.Row key={a.line_item_id}>
            <Table.Cell>
              <div className="flex flex-col py-1">
                <Text size="small" leading="compact" weight="plus">
                  {a.product_title ?? a.product_id}
                </Text>
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                  × {a.quantity}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell>{humanize(a.placement)}</Table.Cell>
            <Table.Cell>
              <div className="flex flex-col">
                <Badge size="2xsmall" color={a.touch === "click" ? "blue" : "grey"} className="w-fit">
                  {a.touch}
                </Badge>
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                  {formatDate(a.touched_at)}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell>
              <div className="flex flex-col">
                <Text size="xsmall" leading="compact" className="font-mono">
                  {a.model_run_id ? `run ${a.model_run_id.slice(0, 8)}` : "–"}
                </Text>
                {a.experiment_id ? (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                    arm {a.arm ?? "?"}
                  </Text>
                ) : null}
              </div>
            </Table.Cell>
            <Table.Cell className="text-right">{formatAmount(a.revenue, a.currency_code)}</Table.Cell>
            <Table.Cell>
              <StatusBadge color={status.color}>{status.label}</StatusBadge>
            </Table.Cell>
          </Table.Row>
        )
      })}
    </Table.Body>
  </Table>
)
