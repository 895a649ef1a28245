import { Text } from "@medusajs/ui"
import { useEntityLabel } from "../../hooks/use-picker-options"
import { humanize } from "../../lib/format"
import type { Rule } from "../../lib/types"

/** The rule's target by name (looked up in Medusa's admin API), with its type and id. */
export const RuleTarget = ({ rule }: { rule: Rule }) => {
  const { data: label } = useEntityLabel(rule.target_type, rule.target_id, true)
  return (
    <div className="flex flex-col py-1">
      <Text size="small" leading="compact" weight="plus">
        {label ?? rule.target_id}
      </Text>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        {humanize(rule.target_type)} · <span className="font-mono">{rule.target_id}</span>
      </Text>
    </div>
  )
}
