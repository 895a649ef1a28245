import { MlDataError } from "../errors"
import { normalCritical, twoSidedNormalP } from "./distributions"

export type Interval = [lo: number, hi: number]

function assertCount(successes: number, trials: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new MlDataError(`need integer counts with 0 <= successes <= trials, got ${successes}/${trials}`)
  }
}

/**
 * Wilson score interval for a binomial proportion (R: prop.test(x, n, correct = FALSE)$conf.int).
 * Unlike the Wald interval it stays inside [0, 1] and is sensible for 0 or n successes. With no
 * trials nothing is known, which is the interval's limit as n -> 0: [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval {
  assertCount(successes, trials)
  if (trials === 0) return [0, 1]
  const z = normalCritical(confidence)
  const z2 = z * z
  const p = successes / trials
  const denominator = 1 + z2 / trials
  const centre = (p + z2 / (2 * trials)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))
  // Mathematically the bounds lie in [0, 1] and are exactly 0 at x = 0 and 1 at x = n: say so
  // rather than print rounding noise like 2.8e-17.
  const lo = successes === 0 ? 0 : Math.max(0, centre - half)
  const hi = successes === trials ? 1 : Math.min(1, centre + half)
  return [lo, hi]
}

export type TwoProportionTest = {
  /** (treatment rate - control rate) / pooled standard error: positive when the treatment converts more. */
  z: number
  pValue: number
  controlRate: number
  treatmentRate: number
  pooledRate: number
}

/**
 * Two-proportion z-test with the pooled standard error under H0 (equal rates), two-sided.
 * z² equals the X-squared of R's prop.test(c(x1, x2), c(n1, n2), correct = FALSE).
 * Null when the test is undefined: an arm without trials, or a pooled rate of 0 or 1 (no variance).
 */
export function twoProportionZTest(
  control: { successes: number; trials: number },
  treatment: { successes: number; trials: number }
): TwoProportionTest | null {
  assertCount(control.successes, control.trials)
  assertCount(treatment.successes, treatment.trials)
  if (control.trials === 0 || treatment.trials === 0) return null
  const controlRate = control.successes / control.trials
  const treatmentRate = treatment.successes / treatment.trials
  const pooledRate = (control.successes + treatment.successes) / (control.trials + treatment.trials)
  const se = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / control.trials + 1 / treatment.trials))
  if (!(se > 0)) return null
  const z = (treatmentRate - controlRate) / se
  return { z, pValue: twoSidedNormalP(z), controlRate, treatmentRate, pooledRate }
}
