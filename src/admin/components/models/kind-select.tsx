import { Select } from "@medusajs/ui"
import { humanize } from "../../lib/format"
import { MODEL_KINDS } from "../../lib/types"

const ALL = "__all__"

export const KindSelect = ({ value, onChange }: { value: string | null; onChange: (kind: string | null) => void }) => (
  <Select size="small" value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? null : v)}>
    <Select.Trigger aria-label="Model kind" style={{ width: 180 }}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>All model kinds</Select.Item>
      {MODEL_KINDS.map((k) => (
        <Select.Item key={k} value={k}>
          {humanize(k)}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
