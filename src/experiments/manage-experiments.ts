import { MedusaError } from "@medusajs/framework/utils"
import type { DataSource } from "typeorm"
import { PLACEMENT_RUN_KINDS } from "../serving/experiment-strategy"
import type { Placement } from "../serving/placements"
import { RecoModelRun } from "../store/entities"
import type { ExperimentArm, RecoExperiment } from "../store/entities/reco-experiment.entity"
import {
  createExperiment,
  type ExperimentInput,
  getExperiment,
  RunningExperimentExistsError,
  stopExperiment,
} from "../store/repositories/experiments"
import { activateRun } from "../training/model-runs"

/**
 * Experiment lifecycle for the admin API: the checks that need the database (the arms' runs,
 * one running experiment per placement, a promotable arm), as MedusaErrors with precise types.
 * The arms' shape (names, shares, weights) is the validator's job.
 */
export async function startExperiment(db: DataSource, input: ExperimentInput & { placement: Placement }): Promise<RecoExperiment> {
  for (const arm of input.arms) {
    if (arm.strategy !== "model_run" || !arm.model_run_id) continue
    const run = await db.getRepository(RecoModelRun).findOne({ where: { id: arm.model_run_id } })
    if (!run) throw new MedusaError(MedusaError.Types.INVALID_DATA, `arms: model run ${arm.model_run_id} of arm ${arm.name} was not found`)
    if (run.status !== "succeeded") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `arms: model run ${run.id} of arm ${arm.name} is ${run.status}; only a succeeded run can be served`)
    }
    const kinds = PLACEMENT_RUN_KINDS[input.placement]
    if (!kinds.includes(run.modelKind)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `arms: model run ${run.id} of arm ${arm.name} is of kind ${run.modelKind}, which ${input.placement} does not use (it uses ${kinds.join(", ")})`
      )
    }
  }
  try {
    return await createExperiment(db, input)
  } catch (e) {
    if (e instanceof RunningExperimentExistsError) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, e.message)
    throw e
  }
}

export async function requireExperiment(db: DataSource, id: string): Promise<RecoExperiment> {
  const experiment = await getExperiment(db, id)
  if (!experiment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Experiment with id ${id} was not found`)
  return experiment
}

/** Stops a running experiment; stopping a stopped one changes nothing. */
export async function endExperiment(db: DataSource, id: string): Promise<RecoExperiment> {
  const stopped = await stopExperiment(db, id)
  if (!stopped) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Experiment with id ${id} was not found`)
  return stopped
}

/**
 * Stops the experiment (if it still runs) and makes the arm permanent: a `model_run` arm's run
 * is activated; an `active_model` arm is today's behaviour already; a `trending` or `blend` arm
 * goes on serving the whole placement (see ExperimentAssigner) until another experiment on the
 * placement is promoted. An experiment gets one winner.
 */
export async function promoteArm(
  db: DataSource,
  id: string,
  armName: string
): Promise<{ experiment: RecoExperiment; arm: ExperimentArm; activatedRunId: string | null }> {
  const experiment = await requireExperiment(db, id)
  if (experiment.winnerArm !== null) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Experiment ${id} already promoted arm ${experiment.winnerArm}`)
  }
  const arm = experiment.arms.find((a) => a.name === armName)
  if (!arm) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `arm must be one of the experiment's arms (${experiment.arms.map((a) => a.name).join(", ")}), got ${armName}`
    )
  }
  let activatedRunId: string | null = null
  if (arm.strategy === "model_run" && arm.model_run_id) {
    const run = await db.getRepository(RecoModelRun).findOne({ where: { id: arm.model_run_id } })
    if (!run || run.status !== "succeeded") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Arm ${arm.name} serves model run ${arm.model_run_id}, which ${run ? `is ${run.status}` : "no longer exists"}; it cannot be activated`
      )
    }
    await activateRun(db, run.id)
    activatedRunId = run.id
  }
  const promoted = await stopExperiment(db, id, arm.name)
  if (!promoted) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Experiment with id ${id} was not found`)
  return { experiment: promoted, arm, activatedRunId }
}
