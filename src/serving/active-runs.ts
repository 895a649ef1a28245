import type { DataSource } from "typeorm"

/** What serving needs to know about the run that produced a list. */
export type ActiveRun = { id: string; kind: string; algorithm: string; activatedAt: Date | null }

/** Safety net when an activation notice was missed (e.g. the listener was reconnecting). */
const MAX_AGE_MS = 60_000

/**
 * The active run of every model kind, read in one query and kept until a new model is
 * activated (see activation-listener.ts) or a minute has passed.
 */
export class ActiveRuns {
  private runs: Map<string, ActiveRun> | null = null
  private loadedAt = 0
  private loading: Promise<Map<string, ActiveRun>> | null = null

  constructor(private readonly dataSource: DataSource) {}

  async get(kind: string): Promise<ActiveRun | null> {
    return (await this.all()).get(kind) ?? null
  }

  async all(): Promise<Map<string, ActiveRun>> {
    if (this.runs && Date.now() - this.loadedAt < MAX_AGE_MS) return this.runs
    this.loading ??= this.load().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  invalidate(): void {
    this.runs = null
  }

  private async load(): Promise<Map<string, ActiveRun>> {
    const rows: Array<{ id: string; model_kind: string; algorithm: string; activated_at: Date | null }> =
      await this.dataSource.query(`SELECT id, model_kind, algorithm, activated_at FROM reco_model_run WHERE is_active`)
    const runs = new Map(rows.map((r) => [r.model_kind, { id: r.id, kind: r.model_kind, algorithm: r.algorithm, activatedAt: r.activated_at }]))
    this.runs = runs
    this.loadedAt = Date.now()
    return runs
  }
}
