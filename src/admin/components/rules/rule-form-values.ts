import { fromLocalInput, toLocalInput } from "../../lib/format"
import type { Rule, RuleAction, RuleInput, RuleTargetType } from "../../lib/types"

/** The form's state: strings as typed, turned into the API body by `toRuleInput`. */
export type RuleFormValues = {
  action: RuleAction
  target_type: RuleTargetType
  target_id: string
  target_label?: string
  placement: string | null
  position: string
  weight: string
  starts_at: string
  ends_at: string
  note: string
}

export const emptyRuleForm = (seed: Partial<RuleFormValues> = {}): RuleFormValues => ({
  action: "pin",
  target_type: "product",
  target_id: "",
  placement: null,
  position: "0",
  weight: "0.5",
  starts_at: "",
  ends_at: "",
  note: "",
  ...seed,
})

export const ruleToForm = (rule: Rule): RuleFormValues => ({
  action: rule.action,
  target_type: rule.target_type,
  target_id: rule.target_id,
  placement: rule.placement,
  position: rule.position == null ? "0" : String(rule.position),
  weight: rule.weight == null ? "0.5" : String(rule.weight),
  starts_at: toLocalInput(rule.starts_at),
  ends_at: toLocalInput(rule.ends_at),
  note: rule.note ?? "",
})

export function ruleFormErrors(v: RuleFormValues): Partial<Record<keyof RuleFormValues, string>> {
  const errors: Partial<Record<keyof RuleFormValues, string>> = {}
  if (!v.target_id.trim()) errors.target_id = `Choose a ${v.target_type}.`
  if (v.action === "pin") {
    const n = Number(v.position)
    if (v.position.trim() === "" || !Number.isInteger(n) || n < 0) errors.position = "A position from 0 (the first slot)."
  }
  if (v.action === "boost" || v.action === "bury") {
    const w = Number(v.weight)
    if (v.weight.trim() === "" || !Number.isFinite(w) || w < 0 || w > 1) errors.weight = "A weight from 0 to 1."
  }
  const start = fromLocalInput(v.starts_at)
  const end = fromLocalInput(v.ends_at)
  if (start && end && new Date(end) <= new Date(start)) errors.ends_at = "The end must be after the start."
  return errors
}

export const toRuleInput = (v: RuleFormValues): RuleInput => ({
  action: v.action,
  target_type: v.target_type,
  target_id: v.target_id.trim(),
  placement: v.placement,
  position: v.action === "pin" ? Number(v.position) : null,
  weight: v.action === "boost" || v.action === "bury" ? Number(v.weight) : null,
  starts_at: fromLocalInput(v.starts_at),
  ends_at: fromLocalInput(v.ends_at),
  note: v.note.trim() || null,
})
