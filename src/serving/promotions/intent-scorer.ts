import type { DataSource } from "typeorm"
import { extractSessionFeatures } from "../../ml/features/session-features"
import { IntentModel, type IntentModelWeights } from "../../ml/models/intent"
import type { ActiveRun } from "../active-runs"
import { loadIntentSession } from "./intent-session"

export const INTENT_ARTIFACT = "intent-model"
export const INTENT_FORMAT = "intent-model/v1"
/** A replaced model is freed this long after the switch, so a request still predicting with it finishes. */
const RELEASE_DELAY_MS = 10_000

export type SessionIntent = { probability: number; runId: string }

type Loaded = { runId: string; gapMs: number; model: IntentModel }

/**
 * Purchase intent of the shopper's current session from the active `intent` run's stored
 * weights. The model is restored once per run (a few kilobytes of dense weights) and kept until
 * another run is active. No active run, unreadable weights or no live session: null, and the
 * caller ranks without intent.
 */
export class IntentScorer {
  private current: { runId: string; loaded: Promise<Loaded | null> } | null = null

  constructor(
    private readonly dataSource: DataSource,
    private readonly warn: (message: string) => void
  ) {}

  async score(run: ActiveRun | null, actorId: string, now: Date, defaultGapMs: number): Promise<SessionIntent | null> {
    if (!run) {
      this.replace(null)
      return null
    }
    if (this.current?.runId !== run.id) this.replace({ runId: run.id, loaded: this.load(run.id, defaultGapMs) })
    const loaded = await this.current!.loaded
    if (!loaded) return null
    const session = await loadIntentSession(this.dataSource, actorId, now, loaded.gapMs)
    if (!session) return null
    try {
      const features = extractSessionFeatures(session.events, { previousVisitAt: session.previousVisitAt })
      const probability = loaded.model.predict([features])[0]
      return probability === undefined || !Number.isFinite(probability) ? null : { probability, runId: loaded.runId }
    } catch (error) {
      this.warn(`medusa-plugin-recommendations: intent prediction failed: ${(error as Error).message}`)
      return null
    }
  }

  /** Frees the cached model (shutdown, tests). */
  close(): void {
    this.replace(null)
  }

  private replace(next: IntentScorer["current"]): void {
    const old = this.current
    this.current = next
    if (!old) return
    const timer = setTimeout(() => void old.loaded.then((l) => l?.model.dispose()), RELEASE_DELAY_MS)
    timer.unref()
  }

  private async load(runId: string, defaultGapMs: number): Promise<Loaded | null> {
    try {
      const rows: Array<{ format: string; content: IntentModelWeights; params: { session_gap_minutes?: unknown } | null }> =
        await this.dataSource.query(
          `SELECT a.format, a.content, r.params FROM reco_model_artifact a
           JOIN reco_model_run r ON r.id = a.model_run_id
           WHERE a.model_run_id = $1 AND a.name = $2`,
          [runId, INTENT_ARTIFACT]
        )
      const row = rows[0]
      if (!row || row.format !== INTENT_FORMAT) {
        this.warn(`medusa-plugin-recommendations: intent run ${runId} has no ${INTENT_FORMAT} weights; promotions are ranked without intent`)
        return null
      }
      const gap = Number(row.params?.session_gap_minutes)
      return {
        runId,
        gapMs: Number.isFinite(gap) && gap > 0 ? gap * 60_000 : defaultGapMs,
        model: await IntentModel.fromWeights(row.content),
      }
    } catch (error) {
      this.warn(`medusa-plugin-recommendations: could not restore intent run ${runId}: ${(error as Error).message}`)
      // Not cached: the next request tries again (a passing database error should not stick).
      if (this.current?.runId === runId) this.current = null
      return null
    }
  }
}
