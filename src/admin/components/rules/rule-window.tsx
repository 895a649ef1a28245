import { StatusBadge, Text } from "@medusajs/ui"
import { formatDate } from "../../lib/format"
import type { Rule } from "../../lib/types"

export function ruleState(rule: Pick<Rule, "starts_at" | "ends_at">, now = Date.now()): "live" | "scheduled" | "expired" {
  if (rule.starts_at && new Date(rule.starts_at).getTime() > now) return "scheduled"
  if (rule.ends_at && new Date(rule.ends_at).getTime() <= now) return "expired"
  return "live"
}

/** When the rule applies, and whether it applies now. */
export const RuleWindow = ({ rule }: { rule: Rule }) => {
  const state = ruleState(rule)
  return (
    <div className="flex flex-col gap-y-0.5">
      <StatusBadge color={state === "live" ? "green" : state === "scheduled" ? "blue" : "grey"}>
        {state === "live" ? "Live" : state === "scheduled" ? "Scheduled" : "Expired"}
      </StatusBadge>
      {rule.starts_at || rule.ends_at ? (
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
          {rule.starts_at ? formatDate(rule.starts_at) : "now"} → {rule.ends_at ? formatDate(rule.ends_at) : "no end"}
        </Text>
      ) : (
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
          always
        </Text>
      )}
    </div>
  )
}
