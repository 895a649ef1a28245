import type { DataSource, EntityManager } from "typeorm"
import { RecoMerchantRule } from "../entities"

type Db = DataSource | EntityManager

export type MerchantRuleInput = Pick<
  RecoMerchantRule,
  "action" | "targetType" | "targetId" | "placement" | "position" | "weight" | "startsAt" | "endsAt" | "note" | "createdBy"
>

/** Every rule, newest first; serving filters by placement and time window in memory. */
export function listMerchantRules(db: Db): Promise<RecoMerchantRule[]> {
  return db.getRepository(RecoMerchantRule).find({ order: { createdAt: "DESC" } })
}

export function createMerchantRule(db: Db, input: MerchantRuleInput): Promise<RecoMerchantRule> {
  return db.getRepository(RecoMerchantRule).save(input)
}

export async function updateMerchantRule(db: Db, id: string, patch: Partial<MerchantRuleInput>): Promise<RecoMerchantRule | null> {
  const repository = db.getRepository(RecoMerchantRule)
  const found = await repository.findOne({ where: { id } })
  if (!found) return null
  return repository.save({ ...found, ...patch, updatedAt: new Date() })
}

export async function deleteMerchantRule(db: Db, id: string): Promise<boolean> {
  const result = await db.getRepository(RecoMerchantRule).delete({ id })
  return (result.affected ?? 0) > 0
}
