import type { DataSource, EntityManager, FindOptionsWhere } from "typeorm"
import { In, Not } from "typeorm"
import { RecoModelRun } from "../entities"
import type { ModelRunStatus } from "../entities/reco-model-run.entity"

type Db = DataSource | EntityManager

export type ModelRunFilter = { kind?: string; status?: ModelRunStatus; limit: number; offset: number }

/** Runs, newest first (ties by id, so pages are stable), with the total for the filter. */
export function listModelRunsPage(db: Db, filter: ModelRunFilter): Promise<[RecoModelRun[], number]> {
  const where: FindOptionsWhere<RecoModelRun> = {}
  if (filter.kind) where.modelKind = filter.kind
  if (filter.status) where.status = filter.status
  return db.getRepository(RecoModelRun).findAndCount({
    where,
    order: { createdAt: "DESC", id: "DESC" },
    take: filter.limit,
    skip: filter.offset,
  })
}

export function findModelRun(db: Db, id: string): Promise<RecoModelRun | null> {
  return db.getRepository(RecoModelRun).findOne({ where: { id } })
}

export type CancelOutcome =
  | { outcome: "not_found" }
  | { outcome: "not_cancelable"; run: RecoModelRun }
  | { outcome: "canceled" | "requested"; run: RecoModelRun }

/**
 * An admin's cancel. A queued run has not started: it ends canceled at once. A running run
 * gets cancel_requested; the worker polls for it and aborts the job's signal, which cancels the
 * whole training job (its later kinds too) and leaves the run canceled. Row-locked, so a run
 * finishing at the same moment is either finished or canceled, never both.
 */
export function requestRunCancel(dataSource: DataSource, id: string): Promise<CancelOutcome> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(RecoModelRun)
    const run = await repository.findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
    if (!run) return { outcome: "not_found" }
    if (run.status === "queued") {
      await repository.update({ id }, { status: "canceled", cancelRequested: true, finishedAt: new Date() })
      return { outcome: "canceled", run: (await repository.findOneOrFail({ where: { id } })) }
    }
    if (run.status === "running") {
      await repository.update({ id }, { cancelRequested: true })
      return { outcome: "requested", run: (await repository.findOneOrFail({ where: { id } })) }
    }
    return { outcome: "not_cancelable", run }
  })
}

/** For the live progress view: runs in flight (oldest first) and the newest finished one. */
export async function trainingOverview(db: Db): Promise<{ running: RecoModelRun[]; lastFinished: RecoModelRun | null }> {
  const repository = db.getRepository(RecoModelRun)
  const [running, lastFinished] = await Promise.all([
    repository.find({ where: { status: In(["queued", "running"]) }, order: { createdAt: "ASC", id: "ASC" } }),
    repository.findOne({
      where: { status: Not(In(["queued", "running"])) },
      order: { finishedAt: { direction: "DESC", nulls: "LAST" }, createdAt: "DESC" },
    }),
  ])
  return { running, lastFinished }
}
