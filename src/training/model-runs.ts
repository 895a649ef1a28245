import type { DataSource, EntityManager } from "typeorm"
import { RecoModelRun } from "../store/entities"
import type { JsonObject } from "../store/json"

type Db = DataSource | EntityManager

/** Postgres NOTIFY channel announcing that a model kind has a new active run. */
export const MODEL_ACTIVATED_CHANNEL = "reco_model_activated"

/** Lifecycle of reco_model_run rows: queued -> running -> succeeded | failed | rejected | canceled. */
export async function createRun(
  db: Db,
  fields: { modelKind: string; algorithm: string; jobId: string | null; trigger: string; params?: JsonObject }
): Promise<RecoModelRun> {
  return db.getRepository(RecoModelRun).save({
    modelKind: fields.modelKind,
    algorithm: fields.algorithm,
    jobId: fields.jobId,
    trigger: fields.trigger,
    params: fields.params ?? null,
    status: "running",
    startedAt: new Date(),
  })
}

export async function updateRun(db: Db, id: string, patch: Partial<RecoModelRun>): Promise<void> {
  await db.getRepository(RecoModelRun).update({ id }, patch)
}

export function activeRun(db: Db, modelKind: string): Promise<RecoModelRun | null> {
  return db.getRepository(RecoModelRun).findOne({ where: { modelKind, isActive: true } })
}

export async function isCancelRequested(db: Db, jobId: string): Promise<boolean> {
  const row = await db.getRepository(RecoModelRun).findOne({ where: { jobId, cancelRequested: true } })
  return row !== null
}

/**
 * Makes `id` the active run of its kind in one transaction. Its lists were written before,
 * under its own run id, so a reader sees the old lists or the new ones, never a mix.
 */
export async function activateRun(dataSource: DataSource, id: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const run = await manager.getRepository(RecoModelRun).findOneOrFail({ where: { id } })
    // One activation per kind at a time (a worker finishing while an admin rolls back): without
    // it, both see no other active run and the second hits the one-active-run unique index.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`reco_model_activate:${run.modelKind}`])
    await manager
      .createQueryBuilder()
      .update(RecoModelRun)
      .set({ isActive: false })
      .where("model_kind = :kind AND is_active AND id <> :id", { kind: run.modelKind, id })
      .execute()
    await manager.getRepository(RecoModelRun).update({ id }, { isActive: true, activatedAt: new Date() })
    // Delivered on commit: every serving process drops its cached lists of this kind.
    await manager.query(`SELECT pg_notify($1, $2)`, [MODEL_ACTIVATED_CHANNEL, run.modelKind])
  })
}

/**
 * Deletes old inactive runs (their lists cascade), keeping the newest `keep` per kind for
 * rollback, and any run a running experiment's model_run arm still serves.
 */
export async function pruneRuns(db: Db, modelKind: string, keep: number): Promise<number> {
  const result = await db.query(
    `DELETE FROM reco_model_run WHERE id IN (
       SELECT id FROM reco_model_run WHERE model_kind = $1 AND NOT is_active
       ORDER BY created_at DESC OFFSET $2)
     AND id::text NOT IN (
       SELECT arm ->> 'model_run_id' FROM reco_experiment, jsonb_array_elements(arms) AS arm
        WHERE status = 'running' AND arm ? 'model_run_id')`,
    [modelKind, keep]
  )
  return Array.isArray(result) ? Number(result[1] ?? 0) : 0
}
