import { Select } from "@medusajs/ui"
import { usePickerOptions } from "../../hooks/use-picker-options"

const DEFAULT = "__default__"

export const RegionSelect = ({ value, onChange, id }: { value: string; onChange: (id: string) => void; id?: string }) => {
  const { data: regions = [] } = usePickerOptions("region", "")
  return (
    <Select size="small" value={value || DEFAULT} onValueChange={(v) => onChange(v === DEFAULT ? "" : v)}>
      <Select.Trigger id={id} aria-label="Region">
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={DEFAULT}>Store default region</Select.Item>
        {regions.map((r) => (
          <Select.Item key={r.value} value={r.value}>
            {r.label} ({r.hint})
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
