import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SingleBar } from "cli-progress"
import {
  type BackfillOrder,
  backfillOrders,
  ORDER_BACKFILL_CHECKPOINT,
  type OrderBackfillState,
} from "../backfill/backfill-orders"
import { ORDER_CAPTURE_FIELDS } from "../capture/medusa-records"
import { mirrorRowOf, PRODUCT_MIRROR_FIELDS, type ProductRecord } from "../capture/product-record"
import { RECOMMENDATIONS_MODULE } from "../modules/recommendations"
import type RecommendationsModuleService from "../modules/recommendations/service"

/**
 * `medusa exec` entry behind `medusa-reco backfill`: mirrors the catalogue, then writes purchase
 * events for the orders a store already has, all through Medusa's Query.
 * Args (plain words, since medusa exec refuses unknown --flags): [restart] [page-size=N].
 */
export default async function backfillScript({ container, args }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
  const restart = args.includes("restart")
  const pageSize = Number(args.find((a) => a.startsWith("page-size="))?.split("=")[1] ?? 100)

  // The catalogue first: the learning side reads product features from the mirror.
  let mirrored = 0
  for (let skip = 0; ; skip += 200) {
    const { data } = await query.graph({
      entity: "product",
      fields: PRODUCT_MIRROR_FIELDS,
      pagination: { take: 200, skip, order: { id: "ASC" } },
    })
    if (data.length === 0) break
    await service.upsertProducts((data as unknown[] as ProductRecord[]).map(mirrorRowOf))
    mirrored += data.length
  }
  console.log(`backfill: ${mirrored} products mirrored`)

  const { metadata } = await query.graph({ entity: "order", fields: ["id"], pagination: { take: 1, skip: 0 } })
  const total = metadata?.count ?? 0
  const bar = new SingleBar({ format: "backfill |{bar}| {value}/{total} orders | {eta_formatted} left", hideCursor: true })
  bar.start(total, 0)

  const state = await backfillOrders(
    {
      async fetchOrders(afterId, take) {
        const { data } = await query.graph({
          entity: "order",
          fields: [...ORDER_CAPTURE_FIELDS, "status"],
          filters: afterId ? { id: { $gt: afterId } } : {},
          pagination: { take, skip: 0, order: { id: "ASC" } },
        })
        return { orders: data as unknown[] as BackfillOrder[], total }
      },
      write: (events) => service.recordEvents(events),
      markCanceled: (orderId) => service.setOrderPurchaseStatus(orderId, "canceled"),
      readState: () => service.readCheckpoint<OrderBackfillState>(ORDER_BACKFILL_CHECKPOINT),
      saveState: (s) => service.saveCheckpoint(ORDER_BACKFILL_CHECKPOINT, s),
      onProgress: (done) => bar.update(done),
    },
    { pageSize, restart }
  )
  bar.stop()
  console.log(`backfill: ${state.orders} orders processed, ${state.stored} purchase events written`)
}
