import { Text } from "@medusajs/ui"
import { formatDecimal } from "../../lib/format"
import type { ModelRun } from "../../lib/types"

/** The run's primary holdout metric beside the baseline's on the same cases. */
export const RunMetric = ({ run }: { run: ModelRun }) => {
  const key = run.primary_metric ?? Object.keys(run.baseline_metrics ?? run.metrics ?? {})[0]
  if (!key) return <span className="text-ui-fg-muted">–</span>
  const value = run.metrics?.[key]
  const baseline = run.baseline_metrics?.[key]
  return (
    <div className="flex flex-col">
      <Text size="small" leading="compact" weight="plus">
        {formatDecimal(value)} <span className="text-ui-fg-muted font-normal">{key}</span>
      </Text>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        baseline {formatDecimal(baseline)}
      </Text>
    </div>
  )
}
