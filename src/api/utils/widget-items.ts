import type { Preview } from "./preview-recommendations"

export type WidgetItem = {
  product_id: string
  title: string | null
  thumbnail: string | null
  score: number
  reason: { code: string; text: string }
}

/** A preview's items as the admin widgets show them: product id, title, thumbnail, score, reason. */
export function widgetItems(preview: Preview): WidgetItem[] {
  const products = new Map(preview.products.map((p) => [p.id, p]))
  return preview.recommendation.items.flatMap((item) => {
    const product = products.get(item.productId)
    if (!product) return []
    return [
      {
        product_id: item.productId,
        title: typeof product.title === "string" ? product.title : null,
        thumbnail: typeof product.thumbnail === "string" ? product.thumbnail : null,
        score: item.score,
        reason: { code: item.reason.code, text: item.reason.text },
      },
    ]
  })
}
