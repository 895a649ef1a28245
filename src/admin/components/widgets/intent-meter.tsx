import { Badge, Text } from "@medusajs/ui"
import { formatPercent } from "../../lib/format"
import { ProgressBar } from "../models/progress-bar"

/** Purchase intent of the customer's current session, from the intent model. */
export const IntentMeter = ({ intent }: { intent: { probability: number; model_run_id: string } | null }) => {
  if (!intent) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        No intent model is serving yet, or no recent session.
      </Text>
    )
  }
  const level = intent.probability >= 0.5 ? "high" : intent.probability >= 0.2 ? "medium" : "low"
  return (
    <div className="flex flex-col gap-y-1.5" data-testid="intent">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus" leading="compact">
          {formatPercent(intent.probability)}
        </Text>
        <Badge size="2xsmall" color={level === "high" ? "green" : level === "medium" ? "orange" : "grey"}>
          {level} intent
        </Badge>
      </div>
      <ProgressBar value={intent.probability} />
      <Text size="xsmall" className="text-ui-fg-muted">
        model run {intent.model_run_id.slice(0, 8)}
      </Text>
    </div>
  )
}
