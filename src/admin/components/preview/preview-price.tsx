import { formatAmount } from "../../lib/format"
import type { PreviewProduct } from "../../lib/types"

/** The lowest calculated variant price, as the storefront would show "from". */
export function lowestPrice(product: PreviewProduct): string {
  const prices = (product.variants ?? [])
    .map((v) => v.calculated_price)
    .filter((p): p is NonNullable<typeof p> => !!p && p.calculated_amount != null && !!p.currency_code)
  if (!prices.length) return "–"
  const best = prices.reduce((a, b) => ((b.calculated_amount ?? Infinity) < (a.calculated_amount ?? Infinity) ? b : a))
  const text = formatAmount(best.calculated_amount as number, best.currency_code as string)
  const distinct = new Set(prices.map((p) => p.calculated_amount)).size
  return distinct > 1 ? `from ${text}` : text
}
