import type { DataSource } from "typeorm"
import { readPlacementSwitches } from "../store/repositories/placement-settings"
import { ExpiringValue } from "./expiring-value"

/** Another process's settings change reaches this one within this time. */
const MAX_AGE_MS = 5_000

/**
 * Which placements an admin switched off (settings: placements), read from reco_setting and
 * kept for a few seconds; a change made through this process applies at once (invalidate).
 */
export class PlacementSwitches {
  private readonly off: ExpiringValue<Set<string>>

  constructor(dataSource: DataSource) {
    this.off = new ExpiringValue(async () => {
      const switches = await readPlacementSwitches(dataSource)
      return new Set(Object.entries(switches).flatMap(([p, on]) => (on === false ? [p] : [])))
    }, MAX_AGE_MS)
  }

  async isOn(placement: string): Promise<boolean> {
    return !(await this.off.get()).has(placement)
  }

  invalidate(): void {
    this.off.invalidate()
  }
}
