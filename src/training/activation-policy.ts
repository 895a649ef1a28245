import type { HoldoutEvaluation } from "./model-spec"

export type ActivationDecision = { activate: boolean; reason: string }

/** What the policy needs to know about the run now serving. */
export type ActiveRunSummary = { id: string; metrics: Record<string, number> | null } | null

/** Relative drop of lift over the baseline tolerated before a new run counts as worse. */
export const LIFT_TOLERANCE = 0.02

/**
 * Decides whether a newly trained run may replace the active one. Holdout windows differ
 * between runs, so runs are compared by their lift over the baseline measured on the same
 * cases, not by raw metric values.
 */
export function decideActivation(
  evaluation: HoldoutEvaluation,
  active: ActiveRunSummary,
  mustBeatBaseline: boolean
): ActivationDecision {
  const metric = evaluation.metrics[evaluation.primary] ?? 0
  const baseline = evaluation.baseline[evaluation.primary] ?? 0
  if (evaluation.cases === 0) {
    return active
      ? { activate: false, reason: "no holdout behaviour to judge the new run by; the active run keeps serving" }
      : { activate: true, reason: "first run of its kind (no holdout behaviour yet to judge it by)" }
  }
  if (mustBeatBaseline && metric <= baseline) {
    return {
      activate: false,
      reason: `${evaluation.primary} ${metric.toFixed(4)} does not beat the baseline's ${baseline.toFixed(4)} on the holdout`,
    }
  }
  const lift = metric / Math.max(baseline, 1e-9)
  const activeLift = active?.metrics?.lift
  if (active && activeLift !== undefined && lift < activeLift * (1 - LIFT_TOLERANCE)) {
    return {
      activate: false,
      reason: `lift over baseline ${lift.toFixed(3)} is below the active run's ${activeLift.toFixed(3)}`,
    }
  }
  return { activate: true, reason: active ? `lift ${lift.toFixed(3)} ≥ active ${activeLift?.toFixed(3) ?? "n/a"}` : "first run of its kind" }
}
