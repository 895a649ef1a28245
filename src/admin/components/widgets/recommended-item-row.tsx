import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { formatDecimal } from "../../lib/format"
import type { WidgetItem } from "../../lib/types"
import { ProductThumbnail } from "../common/product-thumbnail"

type Props = { item: WidgetItem; position: number; actions?: ReactNode }

/** One recommended product: position, thumbnail, title, why, score, and optional actions. */
export const RecommendedItemRow = ({ item, position, actions }: Props) => (
  <div className="flex items-center gap-x-3 px-6 py-2" data-testid="recommended-item" data-product-id={item.product_id}>
    <Text size="xsmall" leading="compact" className="text-ui-fg-muted w-4 text-right tabular-nums">
      {position + 1}
    </Text>
    <ProductThumbnail src={item.thumbnail} alt={item.title} />
    <div className="flex min-w-0 flex-1 flex-col">
      <Link to={`/products/${item.product_id}`} className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive-hover truncate">
        {item.title}
      </Link>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate" title={item.reason.code}>
        {item.reason.text}
      </Text>
    </div>
    <Text size="xsmall" leading="compact" className="text-ui-fg-muted tabular-nums">
      {formatDecimal(item.score, 3)}
    </Text>
    {actions ? <div className="flex items-center gap-x-1">{actions}</div> : null}
  </div>
)
