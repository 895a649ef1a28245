import { Select } from "@medusajs/ui"
import { humanize } from "../../lib/format"

export const ALL = "__all__"

type Props = {
  value: string | null
  onChange: (value: string | null) => void
  placements: readonly string[]
  /** Label of the "no filter / every placement" entry; omit to require a placement. */
  allLabel?: string
  size?: "small" | "base"
  id?: string
  /** In a header's row of filters: a fixed width instead of the form's full width. */
  inline?: boolean
}

export const PlacementSelect = ({ value, onChange, placements, allLabel, size = "small", id, inline }: Props) => (
  <Select size={size} value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? null : v)}>
    <Select.Trigger id={id} aria-label="Placement" style={inline ? { width: 180 } : undefined}>
      <Select.Value placeholder="Placement" />
    </Select.Trigger>
    <Select.Content>
      {allLabel ? <Select.Item value={ALL}>{allLabel}</Select.Item> : null}
      {placements.map((p) => (
        <Select.Item key={p} value={p}>
          {humanize(p)}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
