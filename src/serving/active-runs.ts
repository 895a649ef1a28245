import type { DataSource } from "typeorm"
import { ExpiringValue } from "./expiring-value"

/** What serving needs to know about the run that produced a list. */
export type ActiveRun = { id: string; kind: string; algorithm: string; activatedAt: Date | null }

/** Safety net when an activation notice was missed (e.g. the listener was reconnecting). */
const MAX_AGE_MS = 60_000

/**
 * The active run of every model kind, read in one query and kept until a new model is
 * activated (see activation-listener.ts) or a minute has passed.
 */
export class ActiveRuns {
  private readonly runs: ExpiringValue<Map<string, ActiveRun>>

  constructor(private readonly dataSource: DataSource) {
    this.runs = new ExpiringValue(() => this.load(), MAX_AGE_MS)
  }

  async get(kind: string): Promise<ActiveRun | null> {
    return (await this.all()).get(kind) ?? null
  }

  all(): Promise<Map<string, ActiveRun>> {
    return this.runs.get()
  }

  invalidate(): void {
    this.runs.invalidate()
  }

  private async load(): Promise<Map<string, ActiveRun>> {
    const rows: Array<{ id: string; model_kind: string; algorithm: string; activated_at: Date | null }> =
      await this.dataSource.query(`SELECT id, model_kind, algorithm, activated_at FROM reco_model_run WHERE is_active`)
    return new Map(rows.map((r) => [r.model_kind, { id: r.id, kind: r.model_kind, algorithm: r.algorithm, activatedAt: r.activated_at }]))
  }
}
