import type { Arm } from "../../lib/types"

/** The API's own rules (docs/admin-api.md), checked before sending so the form can say what is wrong. */
export function experimentErrors(name: string, arms: Arm[]): string[] {
  const errors: string[] = []
  if (!name.trim()) errors.push("Give the experiment a name.")
  if (arms.length < 2) errors.push("An experiment needs at least two arms.")
  const names = arms.map((a) => a.name.trim())
  if (names.some((n) => !n)) errors.push("Every arm needs a name.")
  if (new Set(names).size !== names.length) errors.push("Arm names must differ.")
  if (arms.some((a) => !Number.isFinite(a.traffic) || a.traffic < 0)) errors.push("Traffic shares are percentages from 0 to 100.")
  const total = arms.reduce((s, a) => s + (Number.isFinite(a.traffic) ? a.traffic : 0), 0)
  if (Math.abs(total - 100) > 1e-9) errors.push(`Traffic must add up to 100% (now ${total}%).`)
  if (arms.some((a) => a.strategy === "model_run" && !a.model_run_id)) errors.push("Choose the model run of every 'model run' arm.")
  return errors
}
