import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { parseOnlineShoppers } from "../../../src/ml/datasets/online-shoppers"
import { MlAbortedError, MlDataError } from "../../../src/ml/errors"
import { createP4Runner } from "../../../src/ml/eval/protocols/p4-intent"
import type { ProtocolResult } from "../../../src/ml/eval/protocol-result"
import { createRng } from "../../../src/ml/random"
import { initTf, tf } from "../../../src/ml/tf"

const HEADER =
  "Administrative;Administrative_Duration;Informational;Informational_Duration;ProductRelated;ProductRelated_Duration;" +
  "BounceRates;ExitRates;PageValues;SpecialDay;Month;OperatingSystems;Browser;Region;TrafficType;VisitorType;Weekend;Revenue"

/** A small file in the UCI layout where buyers have high PageValues and more product pages. */
function syntheticCsv(rows: number, seed: number): string {
  const rng = createRng(seed)
  const lines = [HEADER]
  for (let i = 0; i < rows; i++) {
    const buyer = rng() < 0.2
    const pages = Math.floor(rng() * (buyer ? 60 : 25))
    const pageValue = buyer ? (rng() < 0.8 ? rng() * 80 : 0) : rng() < 0.1 ? rng() * 20 : 0
    lines.push(
      [
        Math.floor(rng() * 4), (rng() * 100).toFixed(1), 0, 0, pages, (pages * rng() * 60).toFixed(2),
        (rng() * 0.05).toFixed(3), (rng() * 0.1).toFixed(3), pageValue.toFixed(2), 0,
        ["Mar", "May", "Nov", "Dec"][i % 4], 1 + (i % 3), 1 + (i % 2), 1 + (i % 5), 1 + (i % 4),
        rng() < 0.8 ? "Returning_Visitor" : "New_Visitor", rng() < 0.25 ? "TRUE" : "FALSE", buyer ? "TRUE" : "FALSE",
      ].join(";")
    )
  }
  return lines.join("\n") + "\n"
}

describe("P4 purchase intent protocol (tiny synthetic file)", () => {
  let dir: string
  let file: string

  beforeAll(async () => {
    await initTf()
    dir = await mkdtemp(path.join(tmpdir(), "p4-"))
    file = path.join(dir, "online_shoppers_intention.csv")
    await writeFile(file, syntheticCsv(600, 1))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it("reports every model with auc, f1, train time and memory, and fold sizes", async () => {
    const before = tf.memory().numTensors
    const progress: string[] = []
    const result = await createP4Runner({ intent: { epochs: 3 } })(file, {
      seed: 3,
      onProgress: (_done, _total, label) => progress.push(label),
    })
    expect(result.protocol).toBe("P4")
    expect(result.backend).toBe("wasm")
    expect(Object.keys(result.models).sort()).toEqual(["intent", "intent_store_side", "logistic_regression", "page_values"])
    for (const metrics of Object.values(result.models)) {
      for (const key of ["auc", "f1", "train_ms", "peak_tensor_mb", "peak_rss_mb"]) expect(metrics[key]).toEqual(expect.any(Number))
      expect(metrics.auc).toBeGreaterThanOrEqual(0)
      expect(metrics.auc).toBeLessThanOrEqual(1)
    }
    expect(result.models.intent!.auc).toBeGreaterThan(0.8)
    expect(result.stats.rows).toBe(600)
    expect(result.stats.folds).toBe(5)
    const foldSizes = [0, 1, 2, 3, 4].map((f) => result.stats[`fold_${f}_test`]!)
    expect(foldSizes.reduce((a, b) => a + b, 0)).toBe(600)
    expect(Math.max(...foldSizes) - Math.min(...foldSizes)).toBeLessThanOrEqual(2)
    expect(progress[0]).toBe("fold 1/5 intent")
    expect(progress[progress.length - 1]).toBe("done")
    expect(tf.memory().numTensors).toBe(before)

    const scores = (r: ProtocolResult) =>
      Object.fromEntries(Object.entries(r.models).map(([name, m]) => [name, [m.auc, m.f1, m.threshold]]))
    const again = await createP4Runner({ intent: { epochs: 3 } })(file, { seed: 3 })
    expect(scores(again)).toEqual(scores(result)) // seeded folds, init and batch order
  })

  it("stops when its signal aborts", async () => {
    const controller = new AbortController()
    const run = createP4Runner({ intent: { epochs: 3 } })(file, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort()
      },
    })
    await expect(run).rejects.toBeInstanceOf(MlAbortedError)
  })

  it("rejects files that are not the UCI layout", () => {
    expect(() => parseOnlineShoppers("a;b\n1;2\n")).toThrow(MlDataError)
    expect(() => parseOnlineShoppers(`${HEADER}\n0;0;0;0;1;0;0.2;0.2;0;0;Feb;1;1;1;1;Returning_Visitor;FALSE;MAYBE\n`)).toThrow(
      /Revenue must be TRUE or FALSE/
    )
    const parsed = parseOnlineShoppers(`${HEADER}\n0;0;0;0;1;0;0.2;0.2;0;0;Feb;1;1;1;1;Returning_Visitor;FALSE;TRUE\n`)
    expect(parsed.labels).toEqual(Uint8Array.from([1]))
    expect(parsed.rows[0]).toMatchObject({ ProductRelated: 1, Month: "Feb", Weekend: false, OperatingSystems: "1" })
  })
})
