import { Badge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDate, humanize } from "../../lib/format"
import type { CustomerRecommendations } from "../../lib/types"

const COLORS: Record<string, "green" | "red" | "blue" | "orange" | "grey" | "purple"> = {
  purchase: "green",
  cart_add: "blue",
  cart_remove: "orange",
  click: "purple",
}

export const RecentEventsList = ({ events }: { events: CustomerRecommendations["recent_events"] }) =>
  events.length ? (
    <div className="flex flex-col" data-testid="recent-events">
      {events.map((e, i) => (
        <div key={`${e.occurred_at}-${i}`} className="flex items-center gap-x-3 px-6 py-1.5">
          <Badge size="2xsmall" color={COLORS[e.type] ?? "grey"} className="justify-center" style={{ width: 88 }}>
            {humanize(e.type)}
          </Badge>
          <div className="min-w-0 flex-1 truncate">
            {e.product_id ? (
              <Link to={`/products/${e.product_id}`} className="txt-compact-small text-ui-fg-base hover:text-ui-fg-interactive-hover">
                {e.product_title ?? e.product_id}
              </Link>
            ) : (
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                –
              </Text>
            )}
          </div>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
            {formatDate(e.occurred_at)}
          </Text>
        </div>
      ))}
    </div>
  ) : (
    <Text size="small" className="text-ui-fg-muted px-6 py-2">
      No recorded behaviour.
    </Text>
  )
