import type { DataSource } from "typeorm"
import type { MerchantRule } from "../ml/rank"
import { listMerchantRules } from "../store/repositories/merchant-rules"

/** Rules written by another process (admin on another instance) show up within this time. */
const MAX_AGE_MS = 10_000

/** The merchant's rules in memory; a write through this process invalidates at once. */
export class MerchantRuleCache {
  private rules: MerchantRule[] | null = null
  private loadedAt = 0

  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<MerchantRule[]> {
    if (this.rules && Date.now() - this.loadedAt < MAX_AGE_MS) return this.rules
    const rows = await listMerchantRules(this.dataSource)
    this.rules = rows.map((r) => ({
      id: r.id,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      placement: r.placement,
      position: r.position,
      weight: r.weight,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
    }))
    this.loadedAt = Date.now()
    return this.rules
  }

  invalidate(): void {
    this.rules = null
  }
}
