import { MlDataError } from "../errors"
import { tCritical, twoSidedTP } from "./distributions"
import type { Interval } from "./proportion"

export type Summary = { n: number; mean: number; variance: number }

function assertFinite(values: readonly number[]): void {
  for (const v of values) if (!Number.isFinite(v)) throw new MlDataError(`values must be finite numbers, got ${v}`)
}

/** n, mean and the unbiased sample variance (0 when n < 2), in two passes for accuracy. */
export function summarise(values: readonly number[]): Summary {
  assertFinite(values)
  const n = values.length
  if (n === 0) return { n: 0, mean: 0, variance: 0 }
  let sum = 0
  for (const v of values) sum += v
  const mean = sum / n
  let squares = 0
  for (const v of values) squares += (v - mean) * (v - mean)
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 }
}

/**
 * t interval for a mean, mean ± t(n-1) · s / √n (R: t.test(x)$conf.int). Null with fewer than
 * two values, where the spread, and so the interval, is unknown.
 */
export function meanInterval(sample: Summary, confidence = 0.95): Interval | null {
  if (sample.n < 2) return null
  const half = tCritical(confidence, sample.n - 1) * Math.sqrt(sample.variance / sample.n)
  return [sample.mean - half, sample.mean + half]
}

export type WelchTest = {
  /** (mean of x - mean of y) / standard error, as R's t.test(x, y). */
  t: number
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number
  pValue: number
  meanX: number
  meanY: number
}

/**
 * Welch's two-sample t-test (unequal variances), two-sided: R's t.test(x, y). Null when it is
 * undefined: fewer than two values in a sample, or both samples constant (no standard error).
 */
export function welchTTest(x: Summary, y: Summary): WelchTest | null {
  if (x.n < 2 || y.n < 2) return null
  const vx = x.variance / x.n
  const vy = y.variance / y.n
  const se2 = vx + vy
  if (!(se2 > 0)) return null
  const t = (x.mean - y.mean) / Math.sqrt(se2)
  const df = (se2 * se2) / ((vx * vx) / (x.n - 1) + (vy * vy) / (y.n - 1))
  return { t, df, pValue: twoSidedTP(t, df), meanX: x.mean, meanY: y.mean }
}
