import { Input, Select, Text, Textarea } from "@medusajs/ui"
import { PLACEMENTS, RULE_ACTIONS, RULE_TARGETS, type RuleAction, type RuleTargetType } from "../../lib/types"
import { EntityPicker } from "../common/entity-picker"
import { Field } from "../common/field"
import { PlacementSelect } from "../common/placement-select"
import type { RuleFormValues } from "./rule-form-values"

const ACTION_HINTS: Record<RuleAction, string> = {
  pin: "Always shown at this position, even when no model proposes it.",
  boost: "Score × (1 + weight): moves it up when the model proposes it.",
  bury: "Shown after everything else.",
  exclude: "Never shown.",
}

type Props = {
  values: RuleFormValues
  errors: Partial<Record<keyof RuleFormValues, string>>
  onChange: (values: RuleFormValues) => void
}

export const RuleForm = ({ values, errors, onChange }: Props) => {
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => onChange({ ...values, [key]: value })
  return (
    <div className="flex flex-col gap-y-4" data-testid="rule-form">
      <div className="grid grid-cols-2 gap-3">
        <Field label="Action" htmlFor="rule-action" hint={ACTION_HINTS[values.action]}>
          <Select size="small" value={values.action} onValueChange={(v) => set("action", v as RuleAction)}>
            <Select.Trigger id="rule-action" aria-label="Action">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {RULE_ACTIONS.map((a) => (
                <Select.Item key={a} value={a}>
                  {a.charAt(0).toUpperCase() + a.slice(1)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field label="Target type" htmlFor="rule-target-type">
          <Select
            size="small"
            value={values.target_type}
            onValueChange={(v) => onChange({ ...values, target_type: v as RuleTargetType, target_id: "", target_label: undefined })}
          >
            <Select.Trigger id="rule-target-type" aria-label="Target type">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {RULE_TARGETS.map((t) => (
                <Select.Item key={t} value={t}>
                  {t.charAt(0).toUpperCase() + t.slice(1)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      </div>
      <Field label={values.target_type.charAt(0).toUpperCase() + values.target_type.slice(1)} htmlFor="rule-target" error={errors.target_id}>
        <EntityPicker
          id="rule-target"
          kind={values.target_type}
          value={values.target_id}
          label={values.target_label}
          onChange={(id, label) => onChange({ ...values, target_id: id, target_label: label })}
        />
      </Field>
      <Field label="Placement" htmlFor="rule-placement">
        <PlacementSelect id="rule-placement" size="small" value={values.placement} onChange={(p) => set("placement", p)} placements={PLACEMENTS} allLabel="Every placement" />
      </Field>
      {values.action === "pin" ? (
        <Field label="Position" htmlFor="rule-position" error={errors.position} hint="0 is the first slot.">
          <Input id="rule-position" size="small" type="number" min={0} step={1} value={values.position} onChange={(e) => set("position", e.target.value)} />
        </Field>
      ) : null}
      {values.action === "boost" || values.action === "bury" ? (
        <Field label="Weight" htmlFor="rule-weight" error={errors.weight} hint="From 0 to 1.">
          <Input id="rule-weight" size="small" type="number" min={0} max={1} step={0.05} value={values.weight} onChange={(e) => set("weight", e.target.value)} />
        </Field>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field label="Starts" htmlFor="rule-starts" optional>
          <Input id="rule-starts" size="small" type="datetime-local" value={values.starts_at} onChange={(e) => set("starts_at", e.target.value)} />
        </Field>
        <Field label="Ends" htmlFor="rule-ends" optional error={errors.ends_at}>
          <Input id="rule-ends" size="small" type="datetime-local" value={values.ends_at} onChange={(e) => set("ends_at", e.target.value)} />
        </Field>
      </div>
      <Text size="xsmall" className="text-ui-fg-muted">
        Times are in your browser's time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}).
      </Text>
      <Field label="Note" htmlFor="rule-note" optional>
        <Textarea id="rule-note" value={values.note} onChange={(e) => set("note", e.target.value)} placeholder="Why this rule exists" />
      </Field>
    </div>
  )
}
