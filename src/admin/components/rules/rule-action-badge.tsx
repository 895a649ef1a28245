import { Badge } from "@medusajs/ui"
import type { RuleAction } from "../../lib/types"

const COLORS: Record<RuleAction, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  pin: "blue",
  boost: "green",
  bury: "orange",
  exclude: "red",
}

export const RuleActionBadge = ({ action }: { action: RuleAction }) => (
  <Badge size="2xsmall" color={COLORS[action] ?? "grey"}>
    {action}
  </Badge>
)
