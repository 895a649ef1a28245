import { Badge } from "@medusajs/ui"
import { humanize } from "../../lib/format"
import type { Arm } from "../../lib/types"

export const armStrategyLabel = (arm: Arm) =>
  arm.strategy === "model_run"
    ? `run ${arm.model_run_id?.slice(0, 8) ?? "?"}`
    : arm.strategy === "blend"
      ? `blend ${Math.round((arm.blend_weight ?? 0.5) * 100)}% model`
      : humanize(arm.strategy)

export const ArmSummary = ({ arms }: { arms: Arm[] }) => (
  <div className="flex flex-wrap gap-1">
    {arms.map((arm) => (
      <Badge key={arm.name} size="2xsmall" title={armStrategyLabel(arm)}>
        {arm.name} · {arm.traffic}%
      </Badge>
    ))}
  </div>
)
