import { Badge, Tooltip } from "@medusajs/ui"
import { formatLift } from "../../lib/format"

/** `lift` is the run's metric divided by the baseline's (1 = as good as popularity); shown as the relative gain. */
export const LiftBadge = ({ lift }: { lift: number | null }) => {
  if (lift == null || !Number.isFinite(lift)) return <span className="text-ui-fg-muted">–</span>
  const gain = lift - 1
  return (
    <Tooltip content={`${lift.toFixed(3)} × the baseline`}>
      <Badge size="2xsmall" color={gain > 0.0005 ? "green" : gain < -0.0005 ? "red" : "grey"}>
        {formatLift(gain)}
      </Badge>
    </Tooltip>
  )
}
