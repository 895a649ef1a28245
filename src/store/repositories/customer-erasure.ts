import type { DataSource } from "typeorm"
import {
  RecoActorAlias,
  RecoActorList,
  RecoAttribution,
  RecoCartSnapshot,
  RecoEvent,
  RecoOrderOutcome,
  RecoServedRecommendation,
} from "../entities"

/** What an erased shopper's revenue records name instead of them. */
export const ERASED_ACTOR_ID = "erased"

export type ErasureOutcome = { events: number; actorIds: string[] }

/**
 * Deletes every plugin row about a customer: their events, the anonymous histories merged
 * into them, their lists, served recommendations, cart snapshots and aliases. One transaction.
 * Attributions and order ledger rows are the store's revenue records (the dashboards' totals
 * rest on them): they are kept, but no longer name the shopper.
 */
export async function eraseCustomer(dataSource: DataSource, customerId: string): Promise<ErasureOutcome> {
  return dataSource.transaction(async (manager) => {
    const aliases = await manager.getRepository(RecoActorAlias).find({ where: { customerId } })
    const actorIds = [customerId, ...aliases.map((a) => a.anonymousId)]
    const events = await manager
      .createQueryBuilder()
      .delete()
      .from(RecoEvent)
      .where("actor_id IN (:...actorIds)", { actorIds })
      .execute()
    for (const entity of [RecoActorList, RecoServedRecommendation, RecoCartSnapshot]) {
      await manager
        .createQueryBuilder()
        .delete()
        .from(entity)
        .where("actor_id IN (:...actorIds)", { actorIds })
        .execute()
    }
    for (const entity of [RecoAttribution, RecoOrderOutcome]) {
      await manager
        .createQueryBuilder()
        .update(entity)
        .set({ actorType: "anonymous", actorId: ERASED_ACTOR_ID })
        .where("actor_id IN (:...actorIds)", { actorIds })
        .execute()
    }
    await manager.getRepository(RecoActorAlias).delete({ customerId })
    return { events: events.affected ?? 0, actorIds }
  })
}
