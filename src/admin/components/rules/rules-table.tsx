import { EllipsisHorizontal, PencilSquare, Trash } from "@medusajs/icons"
import { DropdownMenu, IconButton, Table, toast, usePrompt } from "@medusajs/ui"
import { useDeleteRule } from "../../hooks/use-rules"
import { formatDate, humanize } from "../../lib/format"
import { errorMessage } from "../../lib/http"
import type { Rule } from "../../lib/types"
import { RuleActionBadge } from "./rule-action-badge"
import { RuleTarget } from "./rule-target"
import { RuleWindow } from "./rule-window"

type Props = { rules: Rule[]; onEdit: (rule: Rule) => void }

export const RulesTable = ({ rules, onEdit }: Props) => {
  const remove = useDeleteRule()
  const prompt = usePrompt()
  const onDelete = async (rule: Rule) => {
    const ok = await prompt({
      title: "Delete this rule?",
      description: `The ${rule.action} rule on ${rule.target_type} ${rule.target_id} stops applying at once.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) return
    remove.mutate(rule.id, {
      onSuccess: () => toast.success("Rule deleted"),
      onError: (e) => toast.error("Could not delete", { description: errorMessage(e) }),
    })
  }
  return (
    <Table data-testid="rules-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Action</Table.HeaderCell>
          <Table.HeaderCell>Target</Table.HeaderCell>
          <Table.HeaderCell>Placement</Table.HeaderCell>
          <Table.HeaderCell>Position / weight</Table.HeaderCell>
          <Table.HeaderCell>When</Table.HeaderCell>
          <Table.HeaderCell>Note</Table.HeaderCell>
          <Table.HeaderCell>Created</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rules.map((rule) => (
          <Table.Row key={rule.id} data-testid="rule-row" data-target={rule.target_id}>
            <Table.Cell>
              <RuleActionBadge action={rule.action} />
            </Table.Cell>
            <Table.Cell>
              <RuleTarget rule={rule} />
            </Table.Cell>
            <Table.Cell>{rule.placement ? humanize(rule.placement) : "Every placement"}</Table.Cell>
            <Table.Cell>
              {rule.action === "pin" ? `position ${rule.position ?? 0}` : rule.action === "boost" || rule.action === "bury" ? `weight ${rule.weight ?? 0.5}` : "–"}
            </Table.Cell>
            <Table.Cell>
              <RuleWindow rule={rule} />
            </Table.Cell>
            <Table.Cell className="max-w-[200px] truncate">{rule.note ?? "–"}</Table.Cell>
            <Table.Cell>
              <div className="flex flex-col">
                <span>{formatDate(rule.created_at)}</span>
                {rule.created_by ? <span className="text-ui-fg-subtle txt-compact-xsmall">{rule.created_by}</span> : null}
              </div>
            </Table.Cell>
            <Table.Cell className="text-right">
              <DropdownMenu>
                <DropdownMenu.Trigger asChild>
                  <IconButton size="small" variant="transparent" aria-label="Rule actions">
                    <EllipsisHorizontal />
                  </IconButton>
                </DropdownMenu.Trigger>
                <DropdownMenu.Content align="end">
                  <DropdownMenu.Item className="gap-x-2" onClick={() => onEdit(rule)}>
                    <PencilSquare className="text-ui-fg-subtle" />
                    Edit
                  </DropdownMenu.Item>
                  <DropdownMenu.Separator />
                  <DropdownMenu.Item className="gap-x-2" onClick={() => void onDelete(rule)}>
                    <Trash className="text-ui-fg-subtle" />
                    Delete
                  </DropdownMenu.Item>
                </DropdownMenu.Content>
              </DropdownMenu>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
