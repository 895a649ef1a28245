import { SingleBar } from "cli-progress"
import { existsSync } from "node:fs"
import type { ProtocolId, ProtocolResult, ProtocolRunner } from "../ml/eval/protocol-result"
import { runP1 } from "../ml/eval/protocols/p1-topn"
import { runP2 } from "../ml/eval/protocols/p2-basket"
import { runP3 } from "../ml/eval/protocols/p3-session"
import { runP4 } from "../ml/eval/protocols/p4-intent"
import { initTf } from "../ml/tf"

export const PROTOCOLS: Record<ProtocolId, { file: string; describe: string }> = {
  P1: { file: "ml-100k/u.data", describe: "personalised top-N (MovieLens 100K)" },
  P2: { file: "groceries/Groceries_dataset.csv", describe: "basket completion (Groceries)" },
  P3: { file: "diginetica-sample/sample_train-item-views.csv", describe: "session next item (DIGINETICA sample)" },
  P4: { file: "uci-online-shoppers/online_shoppers_intention.csv", describe: "purchase intent (UCI online shoppers)" },
}

const RUNNERS: Record<ProtocolId, ProtocolRunner> = { P1: runP1, P2: runP2, P3: runP3, P4: runP4 }

/** Runs one protocol with a progress bar on stderr (stdout stays clean for --json). */
export async function evaluateProtocol(protocol: ProtocolId, dataPath: string, seed?: number): Promise<ProtocolResult> {
  if (!existsSync(dataPath)) throw new EvalInputError(`no such file: ${dataPath}`)
  await initTf()
  const run = RUNNERS[protocol]
  const bar = new SingleBar({ format: `${protocol} |{bar}| {percentage}% {label}`, hideCursor: true, stream: process.stderr })
  let started = false
  try {
    return await run(dataPath, {
      seed,
      onProgress: (done, total, label) => {
        if (!started) {
          bar.start(total, 0, { label })
          started = true
        }
        bar.setTotal(total)
        bar.update(done, { label })
      },
    })
  } finally {
    if (started) bar.stop()
  }
}

/** Resource figures (time, memory, model size) rather than quality metrics. */
const isResource = (key: string) => /_(ms|mb|kb)$/.test(key)

/** A plain-text table: one row per model, quality metrics first, then time and memory. */
export function formatResultTable(result: ProtocolResult): string {
  const models = Object.keys(result.models)
  const keys = [...new Set(models.flatMap((m) => Object.keys(result.models[m]!)))]
  const metricNames = keys.filter((k) => !isResource(k))
  const resources = ["train_ms", ...keys.filter((k) => isResource(k) && k !== "train_ms")]
  const header = ["model", ...metricNames, ...resources]
  const cell = (value: number | undefined, digits: number) => (value === undefined ? "" : value.toFixed(digits))
  const rows = models.map((m) => {
    const r = result.models[m]!
    return [m, ...metricNames.map((k) => cell(r[k], 4)), ...resources.map((k) => cell(r[k], k === "train_ms" ? 0 : 1))]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")
  const stats = Object.entries(result.stats).map(([k, v]) => `${k}=${v}`).join(", ")
  return [
    `${result.protocol}: ${PROTOCOLS[result.protocol].describe}, backend ${result.backend}${stats ? ` (${stats})` : ""}`,
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n")
}

export class EvalInputError extends Error {
  override name = "EvalInputError"
}
