import { StatusBadge } from "@medusajs/ui"
import type { Experiment } from "../../lib/types"

export const ExperimentStatusBadge = ({ experiment }: { experiment: Experiment }) =>
  experiment.status === "running" ? (
    <StatusBadge color="green">Running</StatusBadge>
  ) : experiment.winner_arm ? (
    <StatusBadge color="purple">Promoted: {experiment.winner_arm}</StatusBadge>
  ) : (
    <StatusBadge color="grey">Stopped</StatusBadge>
  )
