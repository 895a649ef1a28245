import { priceBand } from "./price-band"
import { tokenise } from "./tokenise"

/** The catalogue fields the content model reads; price is in one currency for the whole catalogue. */
export type ProductFeatures = {
  id: string
  title: string
  category_ids: readonly string[]
  collection_id: string | null
  tag_ids: readonly string[]
  type_id: string | null
  price: number | null
}

/**
 * A product as a bag of namespaced tokens ("c:<category>", "tag:<id>", "w:<title word>", ...).
 * Structured fields come first so a long title is what gets truncated, never the category.
 */
export function productTokens(product: ProductFeatures, priceEdges: readonly number[], maxTokens: number): string[] {
  const tokens: string[] = []
  for (const id of product.category_ids) tokens.push(`c:${id}`)
  if (product.collection_id) tokens.push(`col:${product.collection_id}`)
  if (product.type_id) tokens.push(`type:${product.type_id}`)
  for (const id of product.tag_ids) tokens.push(`tag:${id}`)
  const band = priceBand(product.price, priceEdges)
  if (band !== null) tokens.push(`pb:${band}`)
  for (const word of tokenise(product.title)) tokens.push(`w:${word}`)
  return [...new Set(tokens)].slice(0, maxTokens)
}
