import type { DataSource } from "typeorm"
import type { MerchantRule } from "../ml/rank"
import { listMerchantRules } from "../store/repositories/merchant-rules"
import { ExpiringValue } from "./expiring-value"

/** Rules written by another process (admin on another instance) show up within this time. */
const MAX_AGE_MS = 10_000

/** The merchant's rules in memory; a write through this process invalidates at once. */
export class MerchantRuleCache {
  private readonly rules: ExpiringValue<MerchantRule[]>

  constructor(private readonly dataSource: DataSource) {
    this.rules = new ExpiringValue(() => this.load(), MAX_AGE_MS)
  }

  all(): Promise<MerchantRule[]> {
    return this.rules.get()
  }

  invalidate(): void {
    this.rules.invalidate()
  }

  private async load(): Promise<MerchantRule[]> {
    const rows = await listMerchantRules(this.dataSource)
    return rows.map((r) => ({
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
  }
}
