import { Text } from "@medusajs/ui"

export const ChartLegend = ({ items }: { items: { label: string; color: string }[] }) => (
  <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
    {items.map((item) => (
      <div key={item.label} className="flex items-center gap-x-1.5">
        <span className="h-2 w-2 rounded-full" style={{ background: item.color }} />
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
          {item.label}
        </Text>
      </div>
    ))}
  </div>
)
