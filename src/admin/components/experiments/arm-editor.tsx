import { Trash } from "@medusajs/icons"
import { IconButton, Input, Select, Text } from "@medusajs/ui"
import { formatDate, humanize } from "../../lib/format"
import { ARM_STRATEGIES, type Arm, type ModelRun } from "../../lib/types"

type Props = {
  arm: Arm
  index: number
  runs: ModelRun[]
  canRemove: boolean
  onChange: (arm: Arm) => void
  onRemove: () => void
}

const STRATEGY_LABELS: Record<Arm["strategy"], string> = {
  active_model: "Active model",
  model_run: "A specific model run",
  trending: "Trending only",
  blend: "Blend of model and trending",
}

/** One arm: name, traffic share, and what it serves. */
export const ArmEditor = ({ arm, index, runs, canRemove, onChange, onRemove }: Props) => (
  <div className="bg-ui-bg-subtle flex flex-col gap-y-3 rounded-lg border p-4" data-testid="arm-editor">
    <div className="flex items-center justify-between">
      <Text size="small" weight="plus" leading="compact">
        {index === 0 ? "Control" : `Treatment ${index}`}
      </Text>
      <IconButton size="small" variant="transparent" type="button" aria-label={`Remove arm ${arm.name}`} disabled={!canRemove} onClick={onRemove}>
        <Trash />
      </IconButton>
    </div>
    <div className="grid gap-3" style={{ gridTemplateColumns: "1fr 120px 1fr" }}>
      <Input size="small" aria-label="Arm name" placeholder="Arm name" value={arm.name} onChange={(e) => onChange({ ...arm, name: e.target.value })} />
      <div className="relative">
        <Input
          size="small"
          type="number"
          min={0}
          max={100}
          aria-label="Traffic %"
          value={Number.isFinite(arm.traffic) ? arm.traffic : ""}
          onChange={(e) => onChange({ ...arm, traffic: e.target.value === "" ? NaN : Number(e.target.value) })}
        />
        <span className="text-ui-fg-muted txt-compact-small pointer-events-none absolute" style={{ right: 32, top: 6 }}>
          %
        </span>
      </div>
      <Select
        size="small"
        value={arm.strategy}
        onValueChange={(v) => {
          const strategy = v as Arm["strategy"]
          onChange({
            name: arm.name,
            traffic: arm.traffic,
            strategy,
            ...(strategy === "model_run" ? { model_run_id: arm.model_run_id ?? runs[0]?.id } : {}),
            ...(strategy === "blend" ? { blend_weight: arm.blend_weight ?? 0.5 } : {}),
          })
        }}
      >
        <Select.Trigger aria-label="Strategy">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {ARM_STRATEGIES.map((s) => (
            <Select.Item key={s} value={s}>
              {STRATEGY_LABELS[s]}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
    {arm.strategy === "model_run" ? (
      <Select size="small" value={arm.model_run_id ?? ""} onValueChange={(v) => onChange({ ...arm, model_run_id: v })}>
        <Select.Trigger aria-label="Model run">
          <Select.Value placeholder={runs.length ? "Choose a succeeded run" : "No succeeded run yet"} />
        </Select.Trigger>
        <Select.Content>
          {runs.map((r) => (
            <Select.Item key={r.id} value={r.id}>
              {humanize(r.model_kind)} · {r.algorithm} · {formatDate(r.created_at)}
              {r.is_active ? " (active)" : ""}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    ) : null}
    {arm.strategy === "blend" ? (
      <div className="flex items-center gap-x-3">
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          aria-label="Model share"
          className="flex-1"
          style={{ accentColor: "var(--fg-interactive)" }}
          value={Math.round((arm.blend_weight ?? 0.5) * 100)}
          onChange={(e) => onChange({ ...arm, blend_weight: Number(e.target.value) / 100 })}
        />
        <Text size="small" leading="compact" className="text-right" style={{ width: 160 }}>
          {Math.round((arm.blend_weight ?? 0.5) * 100)}% model, {100 - Math.round((arm.blend_weight ?? 0.5) * 100)}% trending
        </Text>
      </div>
    ) : null}
  </div>
)
