import { MlDataError } from "../errors"

/**
 * Implicit feedback over dense ids, one row per event (coordinate form). Typed arrays keep a
 * million events in a few tens of MB and hand straight to CSR builds and tfjs.
 */
export type Interactions = {
  userCount: number
  itemCount: number
  users: Int32Array
  items: Int32Array
  /** Strength of the signal (a rating, a purchase quantity, 1 for a view...). */
  weights: Float32Array
  /** Milliseconds since the epoch; Float64 because Int32 seconds run out in 2038. */
  timestamps: Float64Array
}

export function interactionCount(data: Interactions): number {
  return data.users.length
}

/** Throws MlDataError unless the arrays agree in length and every id is inside the declared counts. */
export function assertValidInteractions(data: Interactions): void {
  const n = data.users.length
  if (data.items.length !== n || data.weights.length !== n || data.timestamps.length !== n) {
    throw new MlDataError("interaction arrays differ in length")
  }
  for (let k = 0; k < n; k++) {
    const u = data.users[k]!
    const i = data.items[k]!
    if (u < 0 || u >= data.userCount) throw new MlDataError(`user id ${u} outside [0, ${data.userCount})`)
    if (i < 0 || i >= data.itemCount) throw new MlDataError(`item id ${i} outside [0, ${data.itemCount})`)
    if (!Number.isFinite(data.weights[k]!)) throw new MlDataError(`weight of row ${k} is not finite`)
  }
}

/** The rows at `rows` (in that order), with the same id spaces. */
export function selectInteractions(data: Interactions, rows: ArrayLike<number>): Interactions {
  const n = rows.length
  const out: Interactions = {
    userCount: data.userCount,
    itemCount: data.itemCount,
    users: new Int32Array(n),
    items: new Int32Array(n),
    weights: new Float32Array(n),
    timestamps: new Float64Array(n),
  }
  for (let k = 0; k < n; k++) {
    const r = rows[k]!
    out.users[k] = data.users[r]!
    out.items[k] = data.items[r]!
    out.weights[k] = data.weights[r]!
    out.timestamps[k] = data.timestamps[r]!
  }
  return out
}

/** Builds interactions from plain rows; handy for tests and small imports. */
export function interactionsFromRows(
  rows: ReadonlyArray<{ user: number; item: number; weight?: number; timestamp?: number }>,
  counts?: { userCount?: number; itemCount?: number }
): Interactions {
  const n = rows.length
  let maxUser = -1
  let maxItem = -1
  const data: Interactions = {
    userCount: 0,
    itemCount: 0,
    users: new Int32Array(n),
    items: new Int32Array(n),
    weights: new Float32Array(n),
    timestamps: new Float64Array(n),
  }
  rows.forEach((row, k) => {
    data.users[k] = row.user
    data.items[k] = row.item
    data.weights[k] = row.weight ?? 1
    data.timestamps[k] = row.timestamp ?? 0
    maxUser = Math.max(maxUser, row.user)
    maxItem = Math.max(maxItem, row.item)
  })
  data.userCount = counts?.userCount ?? maxUser + 1
  data.itemCount = counts?.itemCount ?? maxItem + 1
  assertValidInteractions(data)
  return data
}
