// Distribution functions from stdlib (https://github.com/stdlib-js/stdlib): the t CDF rests on a
// carefully tested regularised incomplete beta, which is exactly the part not worth writing by hand.
import normalCdf = require("@stdlib/stats-base-dists-normal-cdf")
import normalQuantile = require("@stdlib/stats-base-dists-normal-quantile")
import tCdf = require("@stdlib/stats-base-dists-t-cdf")
import tQuantile = require("@stdlib/stats-base-dists-t-quantile")
import { MlDataError } from "../errors"

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new MlDataError(`confidence must be in (0, 1), got ${confidence}`)
}

/** Two-sided critical value of the standard normal: z with P(|Z| <= z) = confidence. */
export function normalCritical(confidence: number): number {
  assertConfidence(confidence)
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1)
}

/** Two-sided critical value of Student's t with `df` degrees of freedom. */
export function tCritical(confidence: number, df: number): number {
  assertConfidence(confidence)
  if (!(df > 0)) throw new MlDataError(`degrees of freedom must be positive, got ${df}`)
  return tQuantile(1 - (1 - confidence) / 2, df)
}

/** P(|Z| >= |z|) for a standard normal Z. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1))
}

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test). */
export function twoSidedTP(t: number, df: number): number {
  if (!(df > 0)) throw new MlDataError(`degrees of freedom must be positive, got ${df}`)
  return Math.min(1, 2 * tCdf(-Math.abs(t), df))
}
