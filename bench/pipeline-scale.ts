/**
 * Part of npm run bench:quality: every model kind of the training pipeline fitted on ML-100K
 * (100k events, 943 shoppers, 1,682 products; ratings 5 = purchase, 4 = cart add, else view;
 * genres as categories), timing each fit and sampling the process's peak RSS during it.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { initTf } from "../src/ml/tf"
import type { ModelSpec } from "../src/training/model-spec"
import { defaultModelSpecs } from "../src/training/specs"
import { INTERACTION_TYPES, type TrainingData } from "../src/training/training-data"

export type ScaleRow = { kind: string; fit_ms: number; peak_rss_mb: number; rss_growth_mb: number }

export function movieLensAsStore(dir: string): TrainingData {
  const lines = readFileSync(join(dir, "u.data"), "utf8").trim().split("\n")
  const actors = new Map<string, number>()
  const products = new Map<string, number>()
  const idOf = (map: Map<string, number>, key: string) => map.get(key) ?? (map.set(key, map.size), map.size - 1)
  const n = lines.length
  const data: TrainingData = {
    actors: [],
    products: [],
    actor: new Int32Array(n),
    product: new Int32Array(n),
    type: new Uint8Array(n),
    quantity: new Int32Array(n).fill(1),
    time: new Float64Array(n),
    region: new Int32Array(n).fill(-1),
    channel: new Int32Array(n).fill(-1),
    regions: [],
    channels: [],
    basket: new Int32Array(n).fill(-1),
    baskets: [],
    watermark: null,
    catalogue: [],
  }
  lines.forEach((line, i) => {
    const [user, item, rating, ts] = line.split("\t")
    data.actor[i] = idOf(actors, `u${user}`)
    data.product[i] = idOf(products, `m${item}`)
    const type = Number(rating) >= 5 ? "purchase" : Number(rating) >= 4 ? "cart_add" : "view"
    data.type[i] = INTERACTION_TYPES.indexOf(type)
    data.time[i] = Number(ts) * 1000
  })
  data.actors = [...actors.keys()]
  data.products = [...products.keys()]
  const genres = readFileSync(join(dir, "u.genre"), "latin1").trim().split("\n").map((l) => l.split("|")[0]!)
  data.catalogue = readFileSync(join(dir, "u.item"), "latin1")
    .trim()
    .split("\n")
    .map((line) => {
      const f = line.split("|")
      return {
        id: `m${f[0]}`,
        title: f[1] ?? "",
        category_ids: genres.filter((_, g) => f[5 + g] === "1"),
        collection_id: null,
        tag_ids: [],
        type_id: null,
        prices: {},
      }
    })
  return data
}

export async function measurePipelineScale(dir: string): Promise<ScaleRow[]> {
  await initTf()
  const data = movieLensAsStore(dir)
  const rows: ScaleRow[] = []
  for (const spec of defaultModelSpecs() as Array<ModelSpec<unknown>>) {
    global.gc?.()
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const started = performance.now()
    await spec.fit(data, {})
    const fit_ms = performance.now() - started
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    rows.push({ kind: spec.kind, fit_ms, peak_rss_mb: peak / 2 ** 20, rss_growth_mb: (peak - before) / 2 ** 20 })
  }
  return rows
}
