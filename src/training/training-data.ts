import type { DataSource } from "typeorm"
import type { EventType } from "../store/event-types"

/** Event types a model may learn from, in code order. Searches carry no product and are not here. */
export const INTERACTION_TYPES = ["view", "impression", "click", "cart_add", "cart_remove", "purchase"] as const
export type InteractionType = (typeof INTERACTION_TYPES)[number]

/** A product of the catalogue mirror, as the content model reads it. */
export type CatalogueProduct = {
  id: string
  title: string
  category_ids: string[]
  collection_id: string | null
  tag_ids: string[]
  type_id: string | null
  /** Lowest price per currency code. */
  prices: Record<string, number>
}

/**
 * The store's behaviour as columnar arrays over dense ids, read once per training run.
 * actors[i] / products[j] map dense ids back to Medusa ids.
 */
export type TrainingData = {
  actors: string[]
  products: string[]
  /** One entry per event, parallel arrays. */
  actor: Int32Array
  product: Int32Array
  type: Uint8Array
  quantity: Int32Array
  time: Float64Array
  /** Index into `regions` / `channels`, -1 when unknown. */
  region: Int32Array
  channel: Int32Array
  regions: string[]
  channels: string[]
  /** Index into `baskets` (the order of a purchase, the cart of a cart change), -1 otherwise. */
  basket: Int32Array
  baskets: string[]
  /** Newest received_at among the rows read: the data watermark of the run. */
  watermark: Date | null
  /** Every live product of the mirror, including those nobody has touched yet. */
  catalogue: CatalogueProduct[]
}

const PAGE = 50_000

function indexer(list: string[], map: Map<string, number>) {
  return (id: string | null): number => {
    if (id === null) return -1
    let i = map.get(id)
    if (i === undefined) {
      i = list.length
      list.push(id)
      map.set(id, i)
    }
    return i
  }
}

type EventRow = {
  actor_id: string
  product_id: string
  type: EventType
  quantity: number
  /** occurred_at as Postgres text: full microsecond precision for the keyset cursor. */
  t_raw: string
  t_ms: string
  region_id: string | null
  sales_channel_id: string | null
  basket_id: string | null
  id: string
  received: string
}

/**
 * Reads every active product interaction (canceled and returned purchases excluded) in
 * occurred_at order, paging with a keyset so memory holds only the columnar arrays.
 */
export async function loadTrainingData(dataSource: DataSource, options: { since?: Date } = {}): Promise<TrainingData> {
  const actors: string[] = []
  const products: string[] = []
  const regions: string[] = []
  const channels: string[] = []
  const actorId = indexer(actors, new Map())
  const productId = indexer(products, new Map())
  const regionId = indexer(regions, new Map())
  const channelId = indexer(channels, new Map())
  const baskets: string[] = []
  const basketId = indexer(baskets, new Map())
  const basket: number[] = []
  const cols = { actor: [] as number[], product: [] as number[], type: [] as number[], quantity: [] as number[] }
  const time: number[] = []
  const region: number[] = []
  const channel: number[] = []
  let watermark = 0
  let cursor: { t: string; id: string } | null = null
  for (;;) {
    const rows: EventRow[] = await dataSource.query(
      `SELECT id, actor_id, product_id, type, quantity, occurred_at::text AS t_raw,
              extract(epoch FROM occurred_at) * 1000 AS t_ms, region_id, sales_channel_id,
              COALESCE(order_id, cart_id) AS basket_id, extract(epoch FROM received_at) * 1000 AS received
         FROM reco_event
        WHERE product_id IS NOT NULL AND status = 'active' AND type <> 'search'
          AND ($1::timestamptz IS NULL OR occurred_at >= $1)
          AND ($2::timestamptz IS NULL OR (occurred_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY occurred_at, id
        LIMIT ${PAGE}`,
      [options.since ?? null, cursor?.t ?? null, cursor?.id ?? null]
    )
    for (const r of rows) {
      cols.actor.push(actorId(r.actor_id))
      cols.product.push(productId(r.product_id))
      cols.type.push(INTERACTION_TYPES.indexOf(r.type as InteractionType))
      cols.quantity.push(r.quantity)
      time.push(Number(r.t_ms))
      region.push(regionId(r.region_id))
      channel.push(channelId(r.sales_channel_id))
      basket.push(basketId(r.basket_id))
      watermark = Math.max(watermark, Number(r.received))
    }
    if (rows.length < PAGE) break
    const last = rows[rows.length - 1]!
    cursor = { t: last.t_raw, id: last.id }
  }
  const catalogue: CatalogueProduct[] = (
    await dataSource.query(
      `SELECT product_id AS id, title, category_ids, collection_id, tag_ids, type_id, prices
         FROM reco_product WHERE NOT deleted AND status = 'published' ORDER BY product_id`
    )
  ).map((r: CatalogueProduct) => ({ ...r, prices: r.prices ?? {} }))
  return {
    catalogue,
    actors,
    products,
    regions,
    channels,
    actor: Int32Array.from(cols.actor),
    product: Int32Array.from(cols.product),
    type: Uint8Array.from(cols.type),
    quantity: Int32Array.from(cols.quantity),
    time: Float64Array.from(time),
    region: Int32Array.from(region),
    channel: Int32Array.from(channel),
    basket: Int32Array.from(basket),
    baskets,
    watermark: watermark > 0 ? new Date(watermark) : null,
  }
}

/** The newest received_at in reco_event: what a training run started now would cover. */
export async function dataWatermark(dataSource: DataSource): Promise<Date | null> {
  const rows: Array<{ w: string | null }> = await dataSource.query(`SELECT max(received_at) AS w FROM reco_event`)
  return rows[0]?.w ? new Date(rows[0].w) : null
}
