import { Text } from "@medusajs/ui"

type Entry = { name?: string | number; value?: unknown; color?: string; dataKey?: unknown }

type Props = {
  active?: boolean
  payload?: readonly Entry[]
  label?: string | number
  labelFormatter?: (label: string) => string
  valueFormatter?: (value: number, name: string, dataKey: string) => string
}

/** Recharts tooltip drawn like Medusa's own tooltips. */
export const ChartTooltip = ({ active, payload, label, labelFormatter, valueFormatter }: Props) => {
  if (!active || !payload?.length) return null
  return (
    <div className="bg-ui-bg-base shadow-elevation-tooltip flex flex-col gap-y-1 rounded-lg px-3 py-2" style={{ minWidth: 160 }}>
      <Text size="xsmall" weight="plus" leading="compact" className="text-ui-fg-subtle">
        {labelFormatter ? labelFormatter(String(label)) : label}
      </Text>
      {payload.map((entry) => {
        const name = String(entry.name ?? "")
        const value = Number(entry.value ?? 0)
        return (
          <div key={`${name}-${String(entry.dataKey)}`} className="flex items-center justify-between gap-x-4">
            <div className="flex items-center gap-x-1.5">
              <span className="h-2 w-2 rounded-full" style={{ background: entry.color }} />
              <Text size="xsmall" leading="compact">
                {name}
              </Text>
            </div>
            <Text size="xsmall" leading="compact" weight="plus">
              {valueFormatter ? valueFormatter(value, name, String(entry.dataKey)) : value.toLocaleString("en-US")}
            </Text>
          </div>
        )
      })}
    </div>
  )
}
