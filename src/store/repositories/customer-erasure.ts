import type { DataSource } from "typeorm"
import {
  RecoActorAlias,
  RecoActorList,
  RecoCartSnapshot,
  RecoEvent,
  RecoServedRecommendation,
} from "../entities"

export type ErasureOutcome = { events: number; actorIds: string[] }

/**
 * Deletes every plugin row about a customer: their events, the anonymous histories merged
 * into them, their lists, served recommendations, cart snapshots and aliases. One transaction.
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
    await manager.getRepository(RecoActorAlias).delete({ customerId })
    return { events: events.affected ?? 0, actorIds }
  })
}
