import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { interactionsFromRows } from "../../../src/ml/data/interactions"
import { evaluateTopN, runP1 } from "../../../src/ml/eval/protocols/p1-topn"
import { MlAbortedError } from "../../../src/ml/errors"
import type { ForYouModel } from "../../../src/ml/models/for-you"
import { createRng } from "../../../src/ml/random"

/** Scores 20 - id: the ranking is ascending ids, so the expected lists are easy to write down. */
function fixedModel(itemCount: number): ForYouModel {
  const scores = Float32Array.from({ length: itemCount }, (_, i) => 20 - i)
  return {
    name: "fixed",
    itemCount,
    fit: async () => undefined,
    scoreUser: () => Float32Array.from(scores),
    scoreItems: () => Float32Array.from(scores),
    toState: () => ({ kind: "popularity", itemCount, counts: Float32Array.from(scores) }),
  }
}

describe("P1 top-N evaluation", () => {
  it("excludes train items, skips users without train rows and averages the four metrics", async () => {
    const counts = { userCount: 3, itemCount: 12 }
    const train = interactionsFromRows(
      [
        { user: 0, item: 0 },
        { user: 2, item: 1 },
        { user: 2, item: 2 },
      ],
      counts
    )
    const test = interactionsFromRows(
      [
        { user: 0, item: 1 },
        { user: 0, item: 11 },
        { user: 1, item: 5 },
        { user: 2, item: 3 },
      ],
      counts
    )
    // User 0: list 1..10, hit at position 0 of relevant {1, 11}. User 2: list 0,3,4..11, hit at 1.
    const { metrics, users } = await evaluateTopN(fixedModel(12), train, test)
    expect(users).toBe(2)
    const ndcgUser0 = 1 / (1 + 1 / Math.log2(3))
    const ndcgUser2 = 1 / Math.log2(3)
    expect(metrics.ndcg_at_10).toBeCloseTo((ndcgUser0 + ndcgUser2) / 2, 10)
    expect(metrics.precision_at_10).toBeCloseTo(0.1, 10)
    expect(metrics.recall_at_10).toBeCloseTo((0.5 + 1) / 2, 10)
    expect(metrics.map).toBeCloseTo((0.5 + 0.5) / 2, 10)
  })
})

describe("runP1 on a small synthetic u.data", () => {
  let dir = ""
  let path = ""

  beforeAll(async () => {
    // 60 users in 3 taste groups over 45 items, 12-20 ratings each.
    const rng = createRng(5)
    const lines: string[] = []
    for (let user = 1; user <= 60; user++) {
      const group = user % 3
      const seen = new Set<number>()
      const want = 12 + Math.floor(rng() * 9)
      while (seen.size < want) {
        const item = rng() < 0.85 ? group * 15 + 1 + Math.floor(rng() * 15) : 1 + Math.floor(rng() * 45)
        seen.add(item)
      }
      for (const item of seen) lines.push(`${user}\t${item}\t${1 + Math.floor(rng() * 5)}\t${880000000 + lines.length}`)
    }
    dir = await mkdtemp(join(tmpdir(), "p1-"))
    path = join(dir, "u.data")
    await writeFile(path, lines.join("\n") + "\n")
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it("reports every model with metrics, time and memory, and progress up to the total", async () => {
    const progress: Array<[number, number, string]> = []
    const result = await runP1(path, { onProgress: (done, total, label) => progress.push([done, total, label]) })
    expect(result.protocol).toBe("P1")
    expect(result.backend).toBe("wasm")
    expect(Object.keys(result.models)).toEqual(["popularity", "for_you", "ease", "als"])
    for (const metrics of Object.values(result.models)) {
      for (const key of ["map", "ndcg_at_10", "precision_at_10", "recall_at_10"]) {
        expect(metrics[key]).toBeGreaterThanOrEqual(0)
        expect(metrics[key]).toBeLessThanOrEqual(1)
      }
      expect(metrics.train_ms).toBeGreaterThanOrEqual(0)
      expect(metrics.peak_rss_mb).toBeGreaterThan(0)
    }
    // Planted tastes: every personalised model beats popularity.
    for (const name of ["for_you", "ease", "als"]) {
      expect(result.models[name]!.ndcg_at_10).toBeGreaterThan(result.models.popularity!.ndcg_at_10)
    }
    expect(result.stats.users_evaluated).toBe(60)
    expect(result.stats.for_you_uses_ease).toBe(1)
    const dones = progress.map(([done]) => done)
    expect(dones).toEqual([...dones].sort((a, b) => a - b))
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1])
  })

  it("is reproducible for a seed", async () => {
    const a = await runP1(path, { seed: 3 })
    const b = await runP1(path, { seed: 3 })
    expect(a.models.for_you!.ndcg_at_10).toBe(b.models.for_you!.ndcg_at_10)
    expect(a.stats.test_rows).toBe(b.stats.test_rows)
  })

  it("stops with MlAbortedError when cancelled", async () => {
    const controller = new AbortController()
    const run = runP1(path, {
      signal: controller.signal,
      onProgress: (_done, _total, label) => {
        if (label.startsWith("for_you")) controller.abort()
      },
    })
    await expect(run).rejects.toThrow(MlAbortedError)
  })
})
