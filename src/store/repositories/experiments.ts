import { type DataSource, type EntityManager, QueryFailedError } from "typeorm"
import { RecoExperiment } from "../entities"
import type { ExperimentArm, ExperimentStatus } from "../entities/reco-experiment.entity"

type Db = DataSource | EntityManager

export type ExperimentInput = { name: string; placement: string; arms: ExperimentArm[]; createdBy: string | null }

/** The placement already runs an experiment (the partial unique index said no). */
export class RunningExperimentExistsError extends Error {
  override name = "RunningExperimentExistsError"
  constructor(readonly placement: string) {
    super(`Placement ${placement} already runs an experiment; stop it first`)
  }
}

const RUNNING_PER_PLACEMENT_INDEX = "UQ_reco_experiment_running_placement"

function isRunningIndexViolation(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false
  const driverError = e.driverError as { code?: string; constraint?: string } | undefined
  return driverError?.code === "23505" && driverError.constraint === RUNNING_PER_PLACEMENT_INDEX
}

/** Newest first, optionally by status. */
export async function listExperiments(
  db: Db,
  filter: { status?: ExperimentStatus; limit: number; offset: number }
): Promise<{ experiments: RecoExperiment[]; count: number }> {
  const [experiments, count] = await db.getRepository(RecoExperiment).findAndCount({
    where: filter.status ? { status: filter.status } : {},
    order: { createdAt: "DESC", id: "ASC" },
    take: filter.limit,
    skip: filter.offset,
  })
  return { experiments, count }
}

export function getExperiment(db: Db, id: string): Promise<RecoExperiment | null> {
  return db.getRepository(RecoExperiment).findOne({ where: { id } })
}

/**
 * What serving applies: every running experiment, and per placement without one the latest
 * promoted experiment (its winner arm made permanent).
 */
export async function servingExperiments(db: Db): Promise<{ running: RecoExperiment[]; promoted: RecoExperiment[] }> {
  const repository = db.getRepository(RecoExperiment)
  const running = await repository.find({ where: { status: "running" } })
  const busy = new Set(running.map((e) => e.placement))
  const latestPromoted: Array<{ id: string }> = await db.query(
    `SELECT DISTINCT ON (placement) id FROM reco_experiment
      WHERE status = 'stopped' AND winner_arm IS NOT NULL
      ORDER BY placement, stopped_at DESC, id`
  )
  const promoted =
    latestPromoted.length === 0 ? [] : await repository.find({ where: latestPromoted.map(({ id }) => ({ id })) })
  return { running, promoted: promoted.filter((e) => !busy.has(e.placement)) }
}

/** Starts an experiment at once; a second running one on the placement is refused. */
export async function createExperiment(db: Db, input: ExperimentInput): Promise<RecoExperiment> {
  // The common case answered without a failing INSERT; the index still settles races.
  const running = await db.getRepository(RecoExperiment).exists({ where: { placement: input.placement, status: "running" } })
  if (running) throw new RunningExperimentExistsError(input.placement)
  try {
    return await db.getRepository(RecoExperiment).save({
      name: input.name,
      placement: input.placement,
      arms: input.arms,
      createdBy: input.createdBy,
      status: "running",
      startedAt: new Date(),
      stoppedAt: null,
      winnerArm: null,
    })
  } catch (e) {
    if (isRunningIndexViolation(e)) throw new RunningExperimentExistsError(input.placement)
    throw e
  }
}

/**
 * Stops a running experiment (a stopped one is returned as it is), optionally naming its
 * winner; a stopped experiment can still get its winner once, so an admin can stop, read the
 * results, then promote. Null if unknown.
 */
export async function stopExperiment(db: Db, id: string, winnerArm: string | null = null): Promise<RecoExperiment | null> {
  const repository = db.getRepository(RecoExperiment)
  const found = await repository.findOne({ where: { id } })
  if (!found) return null
  const patch: Partial<RecoExperiment> = {}
  if (found.status === "running") Object.assign(patch, { status: "stopped", stoppedAt: new Date() })
  if (winnerArm !== null) patch.winnerArm = winnerArm
  if (Object.keys(patch).length === 0) return found
  await repository.update({ id }, patch)
  return { ...found, ...patch }
}
