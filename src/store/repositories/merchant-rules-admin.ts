import type { DataSource, EntityManager, FindOptionsWhere } from "typeorm"
import { In, IsNull } from "typeorm"
import { RecoMerchantRule } from "../entities"

type Db = DataSource | EntityManager

export type MerchantRuleFilter = {
  /** Rules that apply to this placement: its own and those on every placement. */
  placement?: string
  /** Rules on any of these targets. */
  targetIds?: string[]
  limit: number
  offset: number
}

/** A page of rules, newest first (ties by id), with the total for the filter. */
export function listMerchantRulesPage(db: Db, filter: MerchantRuleFilter): Promise<[RecoMerchantRule[], number]> {
  const base: FindOptionsWhere<RecoMerchantRule> = filter.targetIds ? { targetId: In(filter.targetIds) } : {}
  const where = filter.placement ? [{ ...base, placement: filter.placement }, { ...base, placement: IsNull() }] : base
  return db.getRepository(RecoMerchantRule).findAndCount({
    where,
    order: { createdAt: "DESC", id: "DESC" },
    take: filter.limit,
    skip: filter.offset,
  })
}

export function findMerchantRule(db: Db, id: string): Promise<RecoMerchantRule | null> {
  return db.getRepository(RecoMerchantRule).findOne({ where: { id } })
}
