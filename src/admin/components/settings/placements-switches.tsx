import { Label, Switch, Text } from "@medusajs/ui"
import { humanize } from "../../lib/format"

const DESCRIPTIONS: Record<string, string> = {
  for_you: "Personal list on the home page or account",
  related: "Viewed together, on product pages",
  bought_together: "Bought in the same orders, on product pages",
  cart: "Completes the cart",
  trending: "Trending in the shopper's region",
  recently_viewed: "The shopper's own recent views",
  search: "Personalised re-ranking of search results",
  promotions: "Promotions that fit the shopper",
}

type Props = { value: Record<string, boolean>; onChange: (value: Record<string, boolean>) => void }

export const PlacementsSwitches = ({ value, onChange }: Props) => (
  <div className="flex flex-col gap-y-3" data-testid="placements-switches">
    {Object.keys(value).map((p) => (
      <div key={p} className="flex items-center justify-between gap-x-4">
        <div className="flex flex-col">
          <Label htmlFor={`placement-${p}`} size="small" weight="plus">
            {humanize(p)}
          </Label>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {DESCRIPTIONS[p] ?? ""}
          </Text>
        </div>
        <Switch id={`placement-${p}`} checked={value[p]} onCheckedChange={(checked) => onChange({ ...value, [p]: checked })} />
      </div>
    ))}
  </div>
)
