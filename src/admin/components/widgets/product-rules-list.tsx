import { Trash } from "@medusajs/icons"
import { IconButton, Text, toast } from "@medusajs/ui"
import { useDeleteRule } from "../../hooks/use-rules"
import { humanize } from "../../lib/format"
import { errorMessage } from "../../lib/http"
import type { Rule } from "../../lib/types"
import { RuleActionBadge } from "../rules/rule-action-badge"

/** The rules that target this product, each with a delete button. */
export const ProductRulesList = ({ rules }: { rules: Rule[] }) => {
  const remove = useDeleteRule()
  if (!rules.length) return null
  return (
    <div className="flex flex-col py-2" data-testid="widget-product-rules">
      <Text size="small" weight="plus" leading="compact" className="px-6 py-2">
        Rules on this product
      </Text>
      {rules.map((rule) => (
        <div key={rule.id} className="flex items-center gap-x-3 px-6 py-1.5">
          <RuleActionBadge action={rule.action} />
          <Text size="small" leading="compact" className="flex-1">
            {rule.placement ? humanize(rule.placement) : "Every placement"}
            {rule.action === "pin" ? ` · position ${rule.position ?? 0}` : ""}
            {rule.action === "boost" || rule.action === "bury" ? ` · weight ${rule.weight ?? 0.5}` : ""}
          </Text>
          <IconButton
            size="small"
            variant="transparent"
            aria-label="Delete rule"
            onClick={() =>
              remove.mutate(rule.id, {
                onSuccess: () => toast.success("Rule deleted"),
                onError: (e) => toast.error("Could not delete", { description: errorMessage(e) }),
              })
            }
          >
            <Trash />
          </IconButton>
        </div>
      ))}
    </div>
  )
}
