import { FlowProducer, QueueEvents } from "bullmq"
import { MlAbortedError } from "../ml/errors"
import type { ShardRunner } from "../training/model-spec"
import { MATERIALISE_JOBS, MATERIALISE_QUEUE } from "./queue-names"

export type ShardJobData = { run_id: string; from: number; to: number }

/**
 * Fans a run's per-shopper lists out as a BullMQ flow: one child per actor range, a parent
 * that completes when every child has written. Any worker consuming the materialise queue
 * (on any host) takes shards; a child that fails after its retries fails the parent.
 */
export function materialiseFlow(options: {
  redisUrl: string
  prefix: string
  threshold: number
  shardSize: number
  signal?: AbortSignal
}): ShardRunner {
  return {
    threshold: options.threshold,
    async run(runId, entries) {
      const connection = { url: options.redisUrl, maxRetriesPerRequest: null }
      const flow = new FlowProducer({ connection, prefix: options.prefix })
      const events = new QueueEvents(MATERIALISE_QUEUE, { connection, prefix: options.prefix })
      try {
        await events.waitUntilReady()
        const children = []
        for (let from = 0; from < entries; from += options.shardSize) {
          const data: ShardJobData = { run_id: runId, from, to: Math.min(entries, from + options.shardSize) }
          children.push({
            name: MATERIALISE_JOBS.shard,
            queueName: MATERIALISE_QUEUE,
            data,
            opts: {
              jobId: `shard-${runId}-${from}`,
              attempts: 3,
              backoff: { type: "exponential", delay: 5_000 },
              failParentOnFailure: true,
              removeOnComplete: { count: 1000 },
            },
          })
        }
        const node = await flow.add({
          name: MATERIALISE_JOBS.shards,
          queueName: MATERIALISE_QUEUE,
          data: { run_id: runId, shards: children.length },
          opts: { jobId: `shards-${runId}`, removeOnComplete: { count: 100 } },
          children,
        })
        const aborted = new Promise<never>((_, reject) => {
          if (options.signal?.aborted) reject(new MlAbortedError("aborted"))
          options.signal?.addEventListener("abort", () => reject(new MlAbortedError("aborted")), { once: true })
        })
        await Promise.race([node.job.waitUntilFinished(events), aborted])
      } finally {
        await events.close()
        await flow.close()
      }
    },
  }
}
