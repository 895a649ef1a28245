import type { DataSource } from "typeorm"
import { readPlacementSwitches } from "../store/repositories/placement-settings"

/** Another process's settings change reaches this one within this time. */
const MAX_AGE_MS = 5_000

/**
 * Which placements an admin switched off (settings: placements), read from reco_setting and
 * kept for a few seconds; a change made through this process applies at once (invalidate).
 */
export class PlacementSwitches {
  private off: Set<string> | null = null
  private loadedAt = 0
  private loading: { version: number; promise: Promise<Set<string>> } | null = null
  private version = 0

  constructor(private readonly dataSource: DataSource) {}

  async isOn(placement: string): Promise<boolean> {
    return !(await this.switchedOff()).has(placement)
  }

  invalidate(): void {
    this.off = null
    this.version++
  }

  private async switchedOff(): Promise<Set<string>> {
    if (this.off && Date.now() - this.loadedAt < MAX_AGE_MS) return this.off
    // A load started before an invalidation is not joined: the caller waits for fresh data.
    if (!this.loading || this.loading.version !== this.version) {
      const version = this.version
      const promise: Promise<Set<string>> = readPlacementSwitches(this.dataSource)
        .then((switches) => {
          const off = new Set(Object.entries(switches).flatMap(([p, on]) => (on === false ? [p] : [])))
          if (version === this.version) {
            this.off = off
            this.loadedAt = Date.now()
          }
          return off
        })
        .finally(() => {
          if (this.loading?.promise === promise) this.loading = null
        })
      this.loading = { version, promise }
    }
    return this.loading.promise
  }
}
