import type { RecoExperiment } from "../../../../store/entities/reco-experiment.entity"

/** The admin API's Experiment (docs/admin-api.md). */
export function serializeExperiment(e: RecoExperiment) {
  return {
    id: e.id,
    name: e.name,
    placement: e.placement,
    status: e.status,
    arms: e.arms,
    started_at: e.startedAt.toISOString(),
    stopped_at: e.stoppedAt?.toISOString() ?? null,
    winner_arm: e.winnerArm,
    created_at: e.createdAt.toISOString(),
  }
}
