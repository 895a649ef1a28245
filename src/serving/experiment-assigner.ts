import type { DataSource } from "typeorm"
import type { ExperimentArm } from "../store/entities/reco-experiment.entity"
import { servingExperiments } from "../store/repositories/experiments"
import type { ActiveRun } from "./active-runs"
import { assignArm } from "./experiment-assignment"
import { ExpiringValue } from "./expiring-value"

/** Experiments started or stopped by another process show up within this time. */
const MAX_AGE_MS = 10_000

/**
 * How one request on a placement is served when an experiment touches it: the arm's strategy,
 * the specific run a `model_run` arm serves (null if that run no longer exists), and the
 * experiment and arm to report and log (null for a promoted winner, which is no experiment).
 */
export type ExperimentChoice = {
  arm: ExperimentArm
  run: ActiveRun | null
  experiment: { id: string; arm: string } | null
}

type Loaded = {
  running: Map<string, { id: string; arms: ExperimentArm[] }>
  promoted: Map<string, ExperimentArm>
  runs: Map<string, ActiveRun>
}

/**
 * Running experiments (and promoted winners) per placement, cached in this process; a write
 * through this process's module service invalidates at once.
 */
export class ExperimentAssigner {
  private readonly loaded: ExpiringValue<Loaded>

  constructor(private readonly dataSource: DataSource) {
    this.loaded = new ExpiringValue(() => this.load(), MAX_AGE_MS)
  }

  /** The arm this actor gets on this placement, or null: serve as usual. */
  async choose(placement: string, actorId: string): Promise<ExperimentChoice | null> {
    const { running, promoted, runs } = await this.loaded.get()
    const experiment = running.get(placement)
    if (experiment) {
      const arm = assignArm({ id: experiment.id, status: "running", arms: experiment.arms }, actorId)
      if (!arm) return null
      return { arm, run: runOf(arm, runs), experiment: { id: experiment.id, arm: arm.name } }
    }
    const winner = promoted.get(placement)
    return winner ? { arm: winner, run: runOf(winner, runs), experiment: null } : null
  }

  /** Drops the cache, so the next request reads what was just written (a load in flight is not kept). */
  invalidate(): void {
    this.loaded.invalidate()
  }

  private async load(): Promise<Loaded> {
    const { running, promoted } = await servingExperiments(this.dataSource)
    const runIds = [...running, ...promoted].flatMap((e) => e.arms.flatMap((a) => (a.model_run_id ? [a.model_run_id] : [])))
    const rows: Array<{ id: string; model_kind: string; algorithm: string; activated_at: Date | null }> =
      runIds.length === 0
        ? []
        : await this.dataSource.query(`SELECT id, model_kind, algorithm, activated_at FROM reco_model_run WHERE id = ANY($1::uuid[])`, [runIds])
    return {
      running: new Map(running.map((e) => [e.placement, { id: e.id, arms: e.arms }])),
      // A promoted model arm is already the live behaviour (its run was activated): only
      // strategies with no permanent home elsewhere (trending, blend) stay applied.
      promoted: new Map(
        promoted.flatMap((e) => {
          const arm = e.arms.find((a) => a.name === e.winnerArm)
          return arm && (arm.strategy === "trending" || arm.strategy === "blend") ? [[e.placement, arm] as const] : []
        })
      ),
      runs: new Map(rows.map((r) => [r.id, { id: r.id, kind: r.model_kind, algorithm: r.algorithm, activatedAt: r.activated_at }])),
    }
  }
}

function runOf(arm: ExperimentArm, runs: Map<string, ActiveRun>): ActiveRun | null {
  return arm.strategy === "model_run" && arm.model_run_id ? (runs.get(arm.model_run_id) ?? null) : null
}
