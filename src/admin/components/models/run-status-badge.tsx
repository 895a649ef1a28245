import { StatusBadge } from "@medusajs/ui"
import type { ModelRunStatus } from "../../lib/types"

const COLORS: Record<ModelRunStatus, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  queued: "grey",
  running: "blue",
  succeeded: "green",
  failed: "red",
  rejected: "orange",
  canceled: "grey",
}

const LABELS: Record<ModelRunStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  rejected: "Rejected",
  canceled: "Canceled",
}

export const RunStatusBadge = ({ status }: { status: ModelRunStatus }) => (
  <StatusBadge color={COLORS[status] ?? "grey"}>{LABELS[status] ?? status}</StatusBadge>
)
