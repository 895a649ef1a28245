import { Badge } from "@medusajs/ui"
import { formatLift } from "../../lib/format"

export const LiftBadge = ({ lift }: { lift: number | null }) =>
  lift == null ? (
    <span className="text-ui-fg-muted">–</span>
  ) : (
    <Badge size="2xsmall" color={lift > 0 ? "green" : lift < 0 ? "red" : "grey"}>
      {formatLift(lift)}
    </Badge>
  )
