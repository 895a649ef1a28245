import { clx } from "@medusajs/ui"

/** A thin bar in the dashboard's interactive colour; `value` is 0..1. */
export const ProgressBar = ({ value, className }: { value: number; className?: string }) => {
  const pct = Math.max(0, Math.min(100, Math.round(value * 100)))
  return (
    <div
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className={clx("bg-ui-bg-switch-off h-1.5 w-full overflow-hidden rounded-full", className)}
    >
      <div className="bg-ui-fg-interactive h-full rounded-full" style={{ width: `${pct}%`, transition: "width 500ms ease" }} />
    </div>
  )
}
