import type { Job } from "bullmq"
import type { DataSource } from "typeorm"
import { readCheckpoint, saveCheckpoint } from "../../store/repositories/checkpoints"
import type { EventsIngestedSignal } from "../signal-producer"

export const SIGNAL_LEDGER_CHECKPOINT = "signals:events-ingested"

export type SignalLedger = {
  signals: number
  events: number
  last_received_at: string | null
  last_source: string | null
}

/**
 * Folds an "events ingested" signal into the signal ledger the scheduler reads to decide
 * when an incremental refresh is due. Rows are never carried by the job, only counts.
 */
export async function processEventsIngested(
  dataSource: DataSource,
  job: Pick<Job<EventsIngestedSignal>, "data">
): Promise<SignalLedger> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent signal jobs on the ledger row.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [SIGNAL_LEDGER_CHECKPOINT])
    const previous = (await readCheckpoint<SignalLedger>(manager, SIGNAL_LEDGER_CHECKPOINT)) ?? {
      signals: 0,
      events: 0,
      last_received_at: null,
      last_source: null,
    }
    const latest =
      previous.last_received_at && previous.last_received_at > job.data.received_at
        ? previous.last_received_at
        : job.data.received_at
    const next: SignalLedger = {
      signals: previous.signals + 1,
      events: previous.events + job.data.count,
      last_received_at: latest,
      last_source: job.data.source,
    }
    await saveCheckpoint(manager, SIGNAL_LEDGER_CHECKPOINT, next)
    return next
  })
}
