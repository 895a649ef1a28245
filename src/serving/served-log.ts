import type { DataSource } from "typeorm"
import type { RecoServedRecommendation } from "../store/entities"
import { writeServedLists } from "../store/repositories/served-metrics"

export type ServedRecord = Omit<RecoServedRecommendation, "servedAt"> & { servedAt: Date }

const FLUSH_EVERY_MS = 1_000
const FLUSH_AT = 500
/** Beyond this the log drops the oldest records rather than grow without bound while Postgres is down. */
const MAX_PENDING = 50_000

/**
 * Records served recommendations off the request path: a response only appends to memory;
 * a timer writes batches (one transaction each). Losing the last second on a crash is accepted
 * for this log (attribution degrades, nothing a shopper sees does). Each batch also adds its
 * daily `served` counters and coverage rows, in the same transaction (served-metrics.ts).
 */
export class ServedLog {
  private pending: ServedRecord[] = []
  private timer: NodeJS.Timeout | null = null
  private flushing: Promise<void> | null = null

  constructor(
    private readonly dataSource: DataSource,
    private readonly warn: (message: string) => void
  ) {}

  record(entry: ServedRecord): void {
    this.pending.push(entry)
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING)
    if (this.pending.length >= FLUSH_AT) void this.flush()
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_EVERY_MS)
      this.timer.unref()
    }
  }

  /** Writes everything pending; tests and shutdown await it. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    while (this.flushing) await this.flushing
    if (this.pending.length === 0 || !this.dataSource.isInitialized) return
    const batch = this.pending
    this.pending = []
    this.flushing = this.dataSource
      .transaction((manager) => writeServedLists(manager, batch))
      .then(
        () => undefined,
        (error: Error) => this.warn(`medusa-plugin-recommendations: could not record ${batch.length} served lists: ${error.message}`)
      )
      .finally(() => {
        this.flushing = null
      })
    await this.flushing
  }
}
