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
import { RECOMMENDATIONS_MODULE } from "../modules/recommendations"
import type RecommendationsModuleService from "../modules/recommendations/service"

/**
 * `medusa exec` entry behind `medusa-reco backfill`: writes purchase events for the orders a
 * store already has, through Medusa's Query. Args: [--restart] [--page-size=N].
 */
export default async function backfillOrdersScript({ container, args }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
  const restart = args.includes("--restart")
  const pageSize = Number(args.find((a) => a.startsWith("--page-size="))?.split("=")[1] ?? 100)

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
