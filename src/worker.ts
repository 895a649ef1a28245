import { UnrecoverableError, Worker } from "bullmq"
import type { DataSource } from "typeorm"
import { processEventsIngested } from "./queue/processors/events-ingested"
import { SIGNAL_JOBS, SIGNAL_QUEUE } from "./queue/queue-names"
import { createWorkerConnection } from "./queue/redis-connection"
import type { EventsIngestedSignal } from "./queue/signal-producer"
import { createRecoDataSource } from "./store/data-source"
import { runRecoMigrations } from "./store/run-migrations"

export type WorkerConfig = {
  databaseUrl: string
  redisUrl: string
  queuePrefix: string
  concurrency?: number
  log?: (message: string) => void
}

export type RunningWorker = {
  dataSource: DataSource
  worker: Worker
  /** Finishes jobs in flight, then closes Redis and Postgres. Safe to call twice. */
  close(): Promise<void>
}

/**
 * The standalone worker: a plain Node process (no Medusa boot) that reaches the plugin tables
 * through the same TypeORM data source as the module and consumes the plugin's queues.
 */
export async function startRecoWorker(config: WorkerConfig): Promise<RunningWorker> {
  const log = config.log ?? ((m: string) => console.log(m))
  const dataSource = createRecoDataSource({ url: config.databaseUrl, applicationName: "medusa-reco-worker" })
  await dataSource.initialize()
  await runRecoMigrations(dataSource)

  const connection = createWorkerConnection(config.redisUrl)
  const worker = new Worker<EventsIngestedSignal>(
    SIGNAL_QUEUE,
    async (job) => {
      if (job.name !== SIGNAL_JOBS.eventsIngested) {
        throw new UnrecoverableError(`unknown job "${job.name}" on ${SIGNAL_QUEUE}`)
      }
      return processEventsIngested(dataSource, job)
    },
    { connection, prefix: config.queuePrefix, concurrency: config.concurrency ?? 1, autorun: true }
  )
  worker.on("error", (e) => log(`medusa-reco worker: ${e.message}`))
  await worker.waitUntilReady()
  log(`medusa-reco worker: consuming "${SIGNAL_QUEUE}" with prefix "${config.queuePrefix}"`)

  let closing: Promise<void> | null = null
  return {
    dataSource,
    worker,
    close() {
      closing ??= (async () => {
        await worker.close()
        connection.disconnect()
        if (dataSource.isInitialized) await dataSource.destroy()
        log("medusa-reco worker: stopped")
      })()
      return closing
    },
  }
}
