/**
 * Other jobs on a small machine (a test run, a build) distort latency far more than any difference
 * between the endpoints. Before each measurement the bench waits until the machine is quiet apart
 * from the idle server, and measures again when other processes took more than `quietCores`
 * during a measurement; both spend one shared time budget, after which it measures regardless and
 * the report marks the measurement as disturbed.
 */
import type { BenchConfig } from "./config"
import { otherLoadCores, type Watched } from "./cpu"
import type { Measurement } from "./load"

export type Guarded = Measurement & { attempts: number; disturbed: boolean }

export class QuietGuard {
  private spentS = 0

  constructor(
    private readonly config: BenchConfig,
    private readonly watched: Watched | null,
    private readonly log: (line: string) => void
  ) {}

  private get budgetLeft(): boolean {
    return this.spentS < this.config.quietBudgetS
  }

  async waitForQuiet(): Promise<void> {
    let waitedS = 0
    for (;;) {
      const other = await otherLoadCores(this.watched, 1000)
      if (other === null || other < this.config.quietCores) break
      if (!this.budgetLeft) {
        this.log(`other processes use ${other.toFixed(2)} cores and the quiet budget (${this.config.quietBudgetS} s) is spent; measuring anyway`)
        break
      }
      if (waitedS === 0) this.log(`other processes use ${other.toFixed(2)} cores; waiting for a quieter machine...`)
      waitedS++
      this.spentS++
    }
    if (waitedS) this.log(`waited ${waitedS} s`)
  }

  async measure(run: () => Promise<Measurement>, what: string): Promise<Guarded> {
    for (let attempt = 1; ; attempt++) {
      await this.waitForQuiet()
      const m = await run()
      const disturbed = m.otherCores !== null && m.otherCores > this.config.quietCores
      if (!disturbed || attempt > this.config.retries || !this.budgetLeft) return { ...m, attempts: attempt, disturbed }
      this.spentS += m.durationS
      this.log(`${what}: other processes used ${m.otherCores!.toFixed(2)} cores meanwhile; measuring again`)
    }
  }
}
