/**
 * Per-column standardisation, optionally after log1p for heavy-tailed counts and durations.
 * Statistics come only from the rows passed to `fit` (the training fold), never the test fold.
 */
export type NumericTransform = "log1p" | "none"

export type StandardiserState = { transforms: NumericTransform[]; mean: number[]; std: number[] }

/** log1p of a negative value is undefined or -Infinity; counts and durations are never below 0. */
export function transformValue(value: number, transform: NumericTransform): number {
  if (!Number.isFinite(value)) return 0
  return transform === "log1p" ? Math.log1p(Math.max(0, value)) : value
}

export class Standardiser {
  constructor(private readonly s: StandardiserState) {}

  /** `columns[j][i]` is column j of row i. A constant column gets std 1 so it maps to 0, not NaN. */
  static fit(columns: readonly ArrayLike<number>[], transforms: readonly NumericTransform[]): Standardiser {
    const mean: number[] = []
    const std: number[] = []
    columns.forEach((column, j) => {
      const n = column.length
      let sum = 0
      for (let i = 0; i < n; i++) sum += transformValue(column[i]!, transforms[j]!)
      const m = n === 0 ? 0 : sum / n
      let sq = 0
      for (let i = 0; i < n; i++) sq += (transformValue(column[i]!, transforms[j]!) - m) ** 2
      const sd = n === 0 ? 0 : Math.sqrt(sq / n)
      mean.push(m)
      std.push(sd > 1e-12 ? sd : 1)
    })
    return new Standardiser({ transforms: [...transforms], mean, std })
  }

  static fromState(state: StandardiserState): Standardiser {
    return new Standardiser({ transforms: [...state.transforms], mean: [...state.mean], std: [...state.std] })
  }

  get width(): number {
    return this.s.mean.length
  }

  apply(column: number, value: number): number {
    return (transformValue(value, this.s.transforms[column]!) - this.s.mean[column]!) / this.s.std[column]!
  }

  state(): StandardiserState {
    return { transforms: [...this.s.transforms], mean: [...this.s.mean], std: [...this.s.std] }
  }
}
