import type { DataSource, EntityManager } from "typeorm"
import {
  RecoActorAlias,
  RecoAttribution,
  RecoCartSnapshot,
  RecoEvent,
  RecoOrderOutcome,
  RecoServedRecommendation,
} from "../entities"

/**
 * Moves an anonymous shopper's history to a customer and records the alias, inside the
 * caller's transaction. Merging twice is a no-op: the second time no rows carry the id.
 * Served lists move too, so a guest who was shown or clicked a recommendation, logged in and
 * bought is attributed; so do attributions and order outcomes of guest orders.
 */
export async function mergeActorInto(
  manager: EntityManager,
  anonymousId: string,
  customerId: string
): Promise<number> {
  if (anonymousId === customerId) return 0
  const moved = await manager
    .createQueryBuilder()
    .update(RecoEvent)
    .set({ actorType: "customer", actorId: customerId })
    .where("actor_type = 'anonymous' AND actor_id = :anonymousId", { anonymousId })
    .execute()
  for (const entity of [RecoCartSnapshot, RecoServedRecommendation, RecoAttribution, RecoOrderOutcome]) {
    await manager
      .createQueryBuilder()
      .update(entity)
      .set({ actorType: "customer", actorId: customerId })
      .where("actor_type = 'anonymous' AND actor_id = :anonymousId", { anonymousId })
      .execute()
  }
  await manager
    .createQueryBuilder()
    .insert()
    .into(RecoActorAlias)
    .values({ anonymousId, customerId })
    .orIgnore()
    .execute()
  return moved.affected ?? 0
}

/** Standalone merge (login, cart transfer): its own transaction. Returns events moved. */
export function mergeAnonymousActor(
  dataSource: DataSource,
  anonymousId: string,
  customerId: string
): Promise<number> {
  return dataSource.transaction((manager) => mergeActorInto(manager, anonymousId, customerId))
}
