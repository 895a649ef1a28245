import { existsSync } from "node:fs"
import path from "node:path"
import { P2_FILE, runP2 } from "../../src/ml/eval/protocols/p2-basket"
import { P3_FILE, runP3 } from "../../src/ml/eval/protocols/p3-session"
import type { ProtocolResult } from "../../src/ml/eval/protocol-result"

/**
 * P2 and P3 on the real datasets (DESIGN.md §4). Both protocols are deterministic, so the
 * documented sanity values must match to the printed digits; the models must beat their
 * baselines. The datasets are not redistributable: without them the suite is skipped.
 */
const DATASETS = path.resolve(__dirname, "../../../shared/datasets")
const haveP2 = existsSync(path.join(DATASETS, P2_FILE))
const haveP3 = existsSync(path.join(DATASETS, P3_FILE))

const fixed = (value: number | undefined) => value?.toFixed(4)

function summary(result: ProtocolResult): string {
  const rows = Object.entries(result.models).map(
    ([name, m]) =>
      `  ${name.padEnd(34)} ${Object.entries(m)
        .filter(([key]) => !key.startsWith("heap") && key !== "state_kb")
        .map(([key, v]) => `${key}=${key.endsWith("_ms") || key.endsWith("_mb") ? v.toFixed(0) : v.toFixed(4)}`)
        .join(" ")}`
  )
  return [`${result.protocol} ${JSON.stringify(result.stats)}`, ...rows].join("\n")
}

if (!haveP2 || !haveP3) {
  // eslint-disable-next-line no-console
  console.warn(`ml-p2-p3: skipping ${[!haveP2 && "P2", !haveP3 && "P3"].filter(Boolean).join(" and ")}: no ${DATASETS}`)
}

;(haveP2 ? describe : describe.skip)("P2 basket completion on Groceries (real data)", () => {
  let result: ProtocolResult
  beforeAll(async () => {
    result = await runP2(DATASETS)
    // eslint-disable-next-line no-console
    console.log(summary(result))
  })

  it("reproduces the documented split and popularity baseline exactly", () => {
    expect(result.stats.test_baskets).toBe(3448)
    expect(result.stats.cases).toBe(9440)
    expect(fixed(result.models.popularity!.hr_at_10)).toBe("0.3693")
    expect(fixed(result.models.popularity!.mrr_at_10)).toBe("0.1495")
  })

  it("has a cart model that beats popularity on HR@10 (and MRR@10), with time and memory recorded", () => {
    const cart = result.models.basket_completion!
    expect(cart.hr_at_10).toBeGreaterThan(result.models.popularity!.hr_at_10!)
    expect(cart.mrr_at_10).toBeGreaterThan(result.models.popularity!.mrr_at_10!)
    expect(cart.train_ms).toBeGreaterThan(0)
    expect(cart.train_ms).toBeLessThan(30_000)
    expect(cart.peak_rss_mb).toBeGreaterThan(0)
  })
})

;(haveP3 ? describe : describe.skip)("P3 session next-item on DIGINETICA (real data)", () => {
  let result: ProtocolResult
  beforeAll(async () => {
    result = await runP3(DATASETS)
    // eslint-disable-next-line no-console
    console.log(summary(result))
  })

  it("reproduces the documented split and both baselines exactly", () => {
    expect(result.stats.train_sessions).toBe(2716)
    expect(result.stats.test_sessions).toBe(270)
    expect(result.stats.cases).toBe(948)
    expect(fixed(result.models.popularity!.hr_at_20)).toBe("0.0116")
    expect(fixed(result.models.cooccurrence_last_item!.hr_at_20)).toBe("0.0791")
    expect(fixed(result.models.cooccurrence_last_item_pop_ties!.hr_at_20)).toBe("0.0865")
  })

  it("has a session model that beats popularity and last-item co-occurrence on HR@20", () => {
    const session = result.models.session!
    for (const baseline of ["popularity", "cooccurrence_last_item", "cooccurrence_last_item_pop_ties"]) {
      expect(session.hr_at_20).toBeGreaterThan(result.models[baseline]!.hr_at_20!)
      // Also when lists never repeat what the session already viewed.
      expect(session.hr_at_20_unviewed).toBeGreaterThan(result.models[baseline]!.hr_at_20_unviewed!)
    }
    expect(session.train_ms).toBeLessThan(30_000)
    expect(session.peak_rss_mb).toBeGreaterThan(0)
  })
})
