import { MlDataError } from "../errors"

/**
 * Dense Cholesky for small symmetric positive-definite systems (ALS fold-in, the base case of
 * spd-inverse.ts). Written by hand because tfjs has no dense solve, inverse or Cholesky; the
 * matrices here are at most a few hundred wide, where plain Float64 loops are exact and fast.
 * Matrices are row-major Float64Array(n * n).
 */

/** Lower-triangular L with A = L Lᵀ, written into a new array (upper part left zero). */
export function choleskyFactor(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n)
  for (let j = 0; j < n; j++) {
    const rj = j * n
    let d = a[rj + j]!
    for (let k = 0; k < j; k++) d -= l[rj + k]! * l[rj + k]!
    if (!(d > 0)) throw new MlDataError(`matrix is not positive definite (pivot ${j} = ${d})`)
    const djj = Math.sqrt(d)
    l[rj + j] = djj
    for (let i = j + 1; i < n; i++) {
      const ri = i * n
      let s = a[ri + j]!
      for (let k = 0; k < j; k++) s -= l[ri + k]! * l[rj + k]!
      l[ri + j] = s / djj
    }
  }
  return l
}

/** Solves (L Lᵀ) x = b for one right-hand side. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let s = b[i]!
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!
    y[i] = s / l[i * n + i]!
  }
  const x = new Float64Array(n)
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!
    x[i] = s / l[i * n + i]!
  }
  return x
}

/** A⁻¹ of a symmetric positive-definite A, as L⁻ᵀ L⁻¹. */
export function spdInverseSmall(a: Float64Array, n: number): Float64Array {
  const l = choleskyFactor(a, n)
  // W = L⁻¹ (lower triangular), by forward substitution column by column.
  const w = new Float64Array(n * n)
  for (let j = 0; j < n; j++) {
    w[j * n + j] = 1 / l[j * n + j]!
    for (let i = j + 1; i < n; i++) {
      let s = 0
      for (let k = j; k < i; k++) s -= l[i * n + k]! * w[k * n + j]!
      w[i * n + j] = s / l[i * n + i]!
    }
  }
  // A⁻¹ = Wᵀ W; symmetric, so compute the upper triangle and mirror it.
  const inv = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0
      for (let k = j; k < n; k++) s += w[k * n + i]! * w[k * n + j]!
      inv[i * n + j] = s
      inv[j * n + i] = s
    }
  }
  return inv
}
