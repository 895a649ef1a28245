import { type Job, UnrecoverableError } from "bullmq"
import type { DataSource } from "typeorm"
import { restoreForYouModel } from "../../ml/models/for-you"
import { createRecoDataSource } from "../../store/data-source"
import { loadBlob } from "../../training/blobs"
import { easeWeightsOf, FOR_YOU_BLOB, type ForYouShardState, writeForYouLists } from "../../training/for-you-lists"
import { ListWriter } from "../../training/list-writer"
import type { ShardJobData } from "../materialise-flow"
import { MATERIALISE_JOBS } from "../queue-names"
import { SANDBOX_DATABASE_URL_ENV } from "./sandbox-env"

let dataSource: Promise<DataSource> | null = null
/** The last run's restored model: consecutive shards of one run share it. */
let cached: { runId: string; shard: ForYouShardState } | null = null

function connect(): Promise<DataSource> {
  const url = process.env[SANDBOX_DATABASE_URL_ENV]
  if (!url) throw new UnrecoverableError(`${SANDBOX_DATABASE_URL_ENV} is not set for the materialise sandbox`)
  dataSource ??= createRecoDataSource({ url, poolSize: 2, applicationName: "medusa-reco-materialiser" }).initialize()
  return dataSource
}

/** Sandboxed processor of the materialise queue: writes the for-you lists of one actor range. */
export default async function materialiseProcessor(job: Job<ShardJobData | { run_id: string; shards: number }>) {
  if (job.name === MATERIALISE_JOBS.shards) return { shards: "shards" in job.data ? job.data.shards : 0 }
  if (job.name !== MATERIALISE_JOBS.shard || !("from" in job.data)) {
    throw new UnrecoverableError(`unknown materialise job "${job.name}"`)
  }
  const { run_id: runId, from, to } = job.data
  const ds = await connect()
  if (cached?.runId !== runId) {
    const shard = await loadBlob<ForYouShardState>(ds, runId, FOR_YOU_BLOB)
    if (!shard) throw new UnrecoverableError(`run ${runId} has no ${FOR_YOU_BLOB} state (canceled or finished?)`)
    cached = { runId, shard }
  }
  const { state, products, entries } = cached.shard
  const writer = new ListWriter(ds.manager, runId)
  // A retried shard starts clean: its own rows only (its actors), then writes them again.
  const actorIds = entries.slice(from, to).map((e) => e.actorId)
  await ds.query(`DELETE FROM reco_actor_list WHERE model_run_id = $1 AND actor_id = ANY($2)`, [runId, actorIds])
  await writeForYouLists(restoreForYouModel(state), easeWeightsOf(state), entries.slice(from, to), products, writer, (f) =>
    void job.updateProgress(Math.round(f * 100)).catch(() => undefined)
  )
  await writer.flush()
  return { written: writer.written }
}
