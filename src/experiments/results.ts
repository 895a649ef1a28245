import type { DataSource, EntityManager } from "typeorm"
import {
  type Interval,
  meanInterval,
  type Summary,
  twoProportionZTest,
  welchTTest,
  wilsonInterval,
} from "../ml/stats"
import type { ExperimentArm } from "../store/entities/reco-experiment.entity"

type Db = DataSource | EntityManager

/** Results are read at the 95% level; a test is significant when p < 0.05. */
export const CONFIDENCE = 0.95
const ALPHA = 1 - CONFIDENCE

export type ArmResult = {
  name: string
  visitors: number
  conversions: number
  conversion_rate: number
  conversion_ci: Interval
  /**
   * Per currency. With fewer than two visitors no spread is known and `ci` is just [value, value]
   * (the contract has no null here, and the dashboard draws it as a point).
   */
  revenue_per_visitor: Array<{ currency_code: string; value: number; ci: Interval }>
}

export type ExperimentResults = {
  arms: ArmResult[]
  /** Treatment (second arm) against control (first arm): z > 0 when the treatment converts more. */
  conversion_test: { control: string; treatment: string; z: number; p_value: number; significant: boolean } | null
  /** Welch's t of treatment minus control revenue per visitor, in the currency most converters paid in. */
  revenue_test: { currency_code: string; t: number; df: number; p_value: number; significant: boolean } | null
}

/** What the tables say about one arm: its visitors, and the net revenue of each converting visitor. */
export type ArmData = {
  visitors: number
  /** Converting visitors: actor id -> currency -> net attributed revenue (may be 0 after partial returns). */
  converters: Map<string, Map<string, number>>
}

/**
 * An experiment's results from its served log and attribution. A visitor is a distinct actor
 * served a list in the arm; a visitor converts with at least one active attributed order line
 * in the arm; revenue per visitor divides the arm's net attributed revenue (revenue minus
 * partial returns, active lines only) by all its visitors, so non-buyers count as zeros.
 * Attribution is tied to the visitor through its recommendation's served row (the actor the
 * list was shown to, even if they checked out under another id), else its own actor.
 */
export async function experimentResults(db: Db, experiment: { id: string; arms: ExperimentArm[] }): Promise<ExperimentResults> {
  const visitorRows: Array<{ arm: string; visitors: number }> = await db.query(
    `SELECT arm, count(*)::int AS visitors FROM (
        SELECT arm, actor_id FROM reco_served_recommendation WHERE experiment_id = $1 AND arm IS NOT NULL
        UNION
        SELECT a.arm, COALESCE(s.actor_id, a.actor_id)
          FROM reco_attribution a LEFT JOIN reco_served_recommendation s ON s.id = a.recommendation_id
         WHERE a.experiment_id = $1 AND a.arm IS NOT NULL AND a.status = 'active'
     ) v GROUP BY arm`,
    [experiment.id]
  )
  const revenueRows: Array<{ arm: string; visitor: string; currency_code: string; revenue: string }> = await db.query(
    `SELECT a.arm, COALESCE(s.actor_id, a.actor_id) AS visitor, lower(a.currency_code) AS currency_code,
            sum(a.revenue - a.reversed_revenue)::text AS revenue
       FROM reco_attribution a LEFT JOIN reco_served_recommendation s ON s.id = a.recommendation_id
      WHERE a.experiment_id = $1 AND a.arm IS NOT NULL AND a.status = 'active'
      GROUP BY 1, 2, 3`,
    [experiment.id]
  )
  const data = new Map<string, ArmData>(experiment.arms.map((a) => [a.name, { visitors: 0, converters: new Map() }]))
  for (const row of visitorRows) {
    const arm = data.get(row.arm)
    if (arm) arm.visitors = row.visitors
  }
  for (const row of revenueRows) {
    const arm = data.get(row.arm)
    if (!arm) continue
    const byCurrency = arm.converters.get(row.visitor) ?? new Map<string, number>()
    byCurrency.set(row.currency_code, Number(row.revenue))
    arm.converters.set(row.visitor, byCurrency)
  }
  return summariseExperiment(experiment.arms.map((a) => a.name), data)
}

/** The results JSON from per-arm data (pure; `experimentResults` reads the data). */
export function summariseExperiment(armNames: string[], data: Map<string, ArmData>): ExperimentResults {
  const currencies = [
    ...new Set([...data.values()].flatMap((d) => [...d.converters.values()].flatMap((m) => [...m.keys()]))),
  ].sort()
  const summaries = new Map<string, Map<string, Summary>>()
  const arms = armNames.map((name): ArmResult => {
    const arm = data.get(name) ?? { visitors: 0, converters: new Map() }
    const conversions = arm.converters.size
    const byCurrency = new Map(currencies.map((c) => [c, revenueSummary(arm, c)]))
    summaries.set(name, byCurrency)
    return {
      name,
      visitors: arm.visitors,
      conversions,
      conversion_rate: arm.visitors > 0 ? conversions / arm.visitors : 0,
      conversion_ci: wilsonInterval(conversions, arm.visitors, CONFIDENCE),
      revenue_per_visitor: currencies.map((currency_code) => {
        const summary = byCurrency.get(currency_code)!
        return { currency_code, value: summary.mean, ci: meanInterval(summary, CONFIDENCE) ?? [summary.mean, summary.mean] }
      }),
    }
  })

  const [control, treatment] = arms
  if (!control || !treatment) return { arms, conversion_test: null, revenue_test: null }
  const z = twoProportionZTest(
    { successes: control.conversions, trials: control.visitors },
    { successes: treatment.conversions, trials: treatment.visitors }
  )
  const conversion_test = z && {
    control: control.name,
    treatment: treatment.name,
    z: z.z,
    p_value: z.pValue,
    significant: z.pValue < ALPHA,
  }
  const currency = testCurrency(currencies, [data.get(control.name), data.get(treatment.name)])
  const welch = currency
    ? welchTTest(summaries.get(treatment.name)!.get(currency)!, summaries.get(control.name)!.get(currency)!)
    : null
  const revenue_test = welch && currency
    ? { currency_code: currency, t: welch.t, df: welch.df, p_value: welch.pValue, significant: welch.pValue < ALPHA }
    : null
  return { arms, conversion_test, revenue_test }
}

/**
 * Mean and variance of revenue per visitor in one currency over all the arm's visitors, the
 * non-converting ones as zeros, without materialising the zeros: sum of squared deviations =
 * Σ over buyers (x - mean)² + (non-buyers) · mean².
 */
function revenueSummary(arm: ArmData, currency: string): Summary {
  const values = [...arm.converters.values()].map((m) => m.get(currency) ?? 0)
  const n = Math.max(arm.visitors, values.length)
  if (n === 0) return { n: 0, mean: 0, variance: 0 }
  const mean = values.reduce((s, v) => s + v, 0) / n
  const squares = values.reduce((s, v) => s + (v - mean) ** 2, 0) + (n - values.length) * mean * mean
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 }
}

/** The currency most converting visitors of the two compared arms paid in (ties: alphabetical). */
function testCurrency(currencies: string[], arms: Array<ArmData | undefined>): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const currency of currencies) {
    let count = 0
    for (const arm of arms) for (const m of arm?.converters.values() ?? []) if ((m.get(currency) ?? 0) !== 0) count++
    if (count > bestCount) {
      best = currency
      bestCount = count
    }
  }
  return best
}
