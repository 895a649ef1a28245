import { createHash } from "node:crypto"
import type { ExperimentArm, ExperimentStatus } from "../store/entities/reco-experiment.entity"

export type AssignableExperiment = { id: string; status: ExperimentStatus; arms: ExperimentArm[] }

/**
 * The actor's bucket in an experiment, 0..99: SHA-1 of "<experiment id>:<actor id>", first
 * 32 bits, mod 100. Deterministic across processes and restarts (no state, no seed), and
 * independent between experiments, so one experiment's split does not bias the next one's.
 * (2^32 mod 100 = 96 makes buckets 0..95 more likely by 1 part in 43 million: negligible.)
 */
export function experimentBucket(experimentId: string, actorId: string): number {
  const digest = createHash("sha1").update(`${experimentId}:${actorId}`).digest()
  return digest.readUInt32BE(0) % 100
}

/**
 * The arm an actor sees: arms in their listed order cover consecutive bucket ranges of their
 * traffic share (50/50: buckets 0-49 and 50-99). A stopped experiment assigns nobody; buckets
 * beyond the arms' total (only if shares summed to less than 100) get no arm either.
 */
export function assignArm(experiment: AssignableExperiment, actorId: string): ExperimentArm | null {
  if (experiment.status !== "running") return null
  const bucket = experimentBucket(experiment.id, actorId)
  let upper = 0
  for (const arm of experiment.arms) {
    upper += arm.traffic
    if (bucket < upper) return arm
  }
  return null
}
