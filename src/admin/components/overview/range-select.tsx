import { Select } from "@medusajs/ui"

export const RANGES = [
  { days: 7, label: "Last 7 days" },
  { days: 30, label: "Last 30 days" },
  { days: 90, label: "Last 90 days" },
] as const

export const RangeSelect = ({ days, onChange }: { days: number; onChange: (days: number) => void }) => (
  <Select size="small" value={String(days)} onValueChange={(v) => onChange(Number(v))}>
    <Select.Trigger aria-label="Date range" style={{ width: 150 }}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {RANGES.map((r) => (
        <Select.Item key={r.days} value={String(r.days)}>
          {r.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
