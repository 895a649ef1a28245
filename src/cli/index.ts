#!/usr/bin/env node
import { Command } from "commander"
import { createRecoDataSource } from "../store/data-source"
import { runRecoMigrations } from "../store/run-migrations"
import { startRecoWorker } from "../worker"
import { connectionSettings, MissingSettingError } from "./env-config"
import { EvalInputError, evaluateProtocol, formatResultTable, PROTOCOLS } from "./eval-command"
import type { ProtocolId } from "../ml/eval/protocol-result"
import { dataWatermark } from "../training/training-data"
import { TrainingRequests } from "../queue/training-requests"
import { createWorkerConnection } from "../queue/redis-connection"
import { runInMedusaApp } from "./medusa-exec"

const program = new Command()
  .name("medusa-reco")
  .description("medusa-plugin-recommendations: workers, migrations and data loading")

const connectionFlags = (cmd: Command) =>
  cmd
    .option("--database-url <url>", "Postgres URL of the Medusa database (default: $DATABASE_URL)")
    .option("--redis-url <url>", "Redis URL for the plugin queues (default: $REDIS_URL or redis://127.0.0.1:6379)")
    .option("--queue-prefix <prefix>", "BullMQ prefix, the plugin's queuePrefix option (default: $RECO_QUEUE_PREFIX or reco)")

connectionFlags(program.command("worker").description("consume the plugin's queues until SIGTERM or SIGINT"))
  .option("--concurrency <n>", "signal jobs processed at once", "1")
  .option("--retrain-cron <cron>", "cron of the full retrain, or 'off' (default: $RECO_RETRAIN_CRON or nightly 0 3 * * *)")
  .option("--refresh-debounce <seconds>", "at most one incremental refresh per this many seconds after new behaviour", "60")
  .action(async (flags) => {
    const settings = connectionSettings(flags)
    const cron = flags.retrainCron ?? process.env.RECO_RETRAIN_CRON
    const running = await startRecoWorker({
      ...settings,
      concurrency: Number(flags.concurrency),
      retrainCron: cron === "off" ? null : cron,
      refreshDebounceMs: Number(flags.refreshDebounce) * 1000,
    })
    const stop = async (signal: string) => {
      console.log(`medusa-reco worker: ${signal} received, finishing jobs in flight`)
      await running.close()
      process.exit(0)
    }
    process.once("SIGTERM", () => void stop("SIGTERM"))
    process.once("SIGINT", () => void stop("SIGINT"))
  })

connectionFlags(program.command("migrate").description("apply the plugin's pending database migrations")).action(
  async (flags) => {
    const { databaseUrl } = connectionSettings(flags)
    const dataSource = createRecoDataSource({ url: databaseUrl })
    await dataSource.initialize()
    try {
      const { applied } = await runRecoMigrations(dataSource)
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "the plugin schema is up to date")
    } finally {
      await dataSource.destroy()
    }
  }
)

program
  .command("backfill")
  .description("mirror the catalogue and write purchase events for existing orders (run in the Medusa app directory; resumable)")
  .option("--restart", "start from the first order instead of the saved cursor")
  .option("--page-size <n>", "orders per page", "100")
  .action(async (flags) => {
    // medusa exec rejects unknown --flags, so options travel as plain words.
    const args = [`page-size=${Number(flags.pageSize)}`, ...(flags.restart ? ["restart"] : [])]
    process.exitCode = await runInMedusaApp("backfill", args)
  })

program
  .command("import <file>")
  .description("load historical behaviour from a CSV (run in the Medusa app directory); see the README for columns")
  .option("--strict", "write nothing if any row is rejected")
  .action(async (file: string, flags) => {
    process.exitCode = await runInMedusaApp("import-events", [file, ...(flags.strict ? ["strict"] : [])])
  })

program
  .command("eval")
  .description("evaluate the models offline on a public dataset with the protocols of DESIGN.md §4")
  .requiredOption("--protocol <id>", "P1 (top-N), P2 (basket), P3 (session) or P4 (intent)")
  .requiredOption("--data <path>", "the dataset file")
  .option("--seed <n>", "seed for protocols with randomness", "42")
  .option("--json", "print one JSON object {protocol, backend, models} and nothing else on stdout")
  .action(async (flags) => {
    const protocol = String(flags.protocol).toUpperCase()
    if (!(protocol in PROTOCOLS)) throw new EvalInputError(`--protocol must be one of ${Object.keys(PROTOCOLS).join(", ")}`)
    const result = await evaluateProtocol(protocol as ProtocolId, flags.data, Number(flags.seed))
    if (flags.json) {
      process.stdout.write(JSON.stringify({ protocol: result.protocol, backend: result.backend, models: result.models }) + "\n")
    } else {
      console.log(formatResultTable(result))
    }
  })

connectionFlags(program.command("train").description("queue a training run now (the worker trains it)"))
  .option("--mode <mode>", "full or incremental", "full")
  .action(async (flags) => {
    const settings = connectionSettings(flags)
    if (flags.mode !== "full" && flags.mode !== "incremental") throw new EvalInputError("--mode must be full or incremental")
    const dataSource = createRecoDataSource({ url: settings.databaseUrl })
    await dataSource.initialize()
    const connection = createWorkerConnection(settings.redisUrl)
    const requests = new TrainingRequests(connection, settings.queuePrefix)
    try {
      const jobId = await requests.request(flags.mode, "cli", await dataWatermark(dataSource))
      console.log(`queued training job ${jobId}`)
    } finally {
      await requests.close()
      connection.disconnect()
      await dataSource.destroy()
    }
  })

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof MissingSettingError || e instanceof EvalInputError) {
    console.error(`medusa-reco: ${e.message}`)
  } else {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e)
  }
  process.exit(1)
})
