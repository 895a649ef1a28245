import type { DataSource } from "typeorm"
import { RecoEvent } from "../entities"
import type { EventStatus } from "../event-types"

/** Marks every purchase event of an order (e.g. canceled). Returns how many rows changed. */
export async function setOrderPurchaseStatus(
  dataSource: DataSource,
  orderId: string,
  status: EventStatus
): Promise<number> {
  const result = await dataSource
    .createQueryBuilder()
    .update(RecoEvent)
    .set({ status })
    .where("order_id = :orderId AND type = 'purchase' AND status <> :status", { orderId, status })
    .execute()
  return result.affected ?? 0
}
