import { MlDataError } from "../errors"
import type { Interactions } from "./interactions"

/**
 * Compressed sparse rows: the entries of row r are indices[indptr[r] .. indptr[r+1]) with the
 * matching values, column ids ascending within a row.
 */
export type CsrMatrix = {
  rows: number
  cols: number
  indptr: Int32Array
  indices: Int32Array
  values: Float32Array
}

/** How repeated (row, column) events combine: implicit feedback usually keeps the strongest. */
export type DuplicatePolicy = "max" | "sum" | "last"

export type CsrBuildOptions = {
  duplicates?: DuplicatePolicy
  /** Maps each event's weight to the stored value (e.g. () => 1 to binarise). */
  value?: (weight: number) => number
}

/** Counting-sort build, O(rows + nnz): one pass to count, one to place, then per-row sort and merge. */
export function csrFromCoordinates(
  rows: number,
  cols: number,
  rowIds: Int32Array,
  colIds: Int32Array,
  weights: Float32Array,
  options: CsrBuildOptions = {}
): CsrMatrix {
  const duplicates = options.duplicates ?? "max"
  const value = options.value ?? ((w: number) => w)
  const n = rowIds.length
  const counts = new Int32Array(rows + 1)
  for (let k = 0; k < n; k++) {
    const r = rowIds[k]!
    if (r < 0 || r >= rows) throw new MlDataError(`row ${r} outside [0, ${rows})`)
    counts[r + 1]!++
  }
  for (let r = 0; r < rows; r++) counts[r + 1]! += counts[r]!
  const next = counts.slice(0, rows)
  const cols0 = new Int32Array(n)
  const vals0 = new Float32Array(n)
  for (let k = 0; k < n; k++) {
    const c = colIds[k]!
    if (c < 0 || c >= cols) throw new MlDataError(`column ${c} outside [0, ${cols})`)
    const at = next[rowIds[k]!]!++
    cols0[at] = c
    vals0[at] = value(weights[k]!)
  }

  // Sort each row by column (stable, so "last" keeps event order) and merge duplicates.
  const indptr = new Int32Array(rows + 1)
  const indices = new Int32Array(n)
  const values = new Float32Array(n)
  let out = 0
  const order: number[] = []
  for (let r = 0; r < rows; r++) {
    const start = counts[r]!
    const end = counts[r + 1]!
    order.length = 0
    for (let k = start; k < end; k++) order.push(k)
    order.sort((a, b) => cols0[a]! - cols0[b]! || a - b)
    for (const k of order) {
      const c = cols0[k]!
      const v = vals0[k]!
      if (out > indptr[r]! && indices[out - 1] === c) {
        const prev = values[out - 1]!
        values[out - 1] = duplicates === "sum" ? prev + v : duplicates === "max" ? Math.max(prev, v) : v
      } else {
        indices[out] = c
        values[out] = v
        out++
      }
    }
    indptr[r + 1] = out
  }
  return { rows, cols, indptr, indices: indices.slice(0, out), values: values.slice(0, out) }
}

/** Users x items. */
export function userItemCsr(data: Interactions, options?: CsrBuildOptions): CsrMatrix {
  return csrFromCoordinates(data.userCount, data.itemCount, data.users, data.items, data.weights, options)
}

/** Items x users (the transpose), for item-side passes such as ALS item updates. */
export function itemUserCsr(data: Interactions, options?: CsrBuildOptions): CsrMatrix {
  return csrFromCoordinates(data.itemCount, data.userCount, data.items, data.users, data.weights, options)
}

export function transposeCsr(m: CsrMatrix): CsrMatrix {
  const nnz = m.indptr[m.rows]!
  const rowIds = new Int32Array(nnz)
  for (let r = 0; r < m.rows; r++) for (let k = m.indptr[r]!; k < m.indptr[r + 1]!; k++) rowIds[k] = r
  return csrFromCoordinates(m.cols, m.rows, m.indices.subarray(0, nnz), rowIds, m.values.subarray(0, nnz), {
    duplicates: "sum",
  })
}

/** Number of stored entries in row r. */
export function rowLength(m: CsrMatrix, r: number): number {
  return m.indptr[r + 1]! - m.indptr[r]!
}
