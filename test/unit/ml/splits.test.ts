import { interactionsFromRows, type Interactions } from "../../../src/ml/data/interactions"
import { splitEachUserByRatio } from "../../../src/ml/data/user-ratio-split"
import { MlConfigError } from "../../../src/ml/errors"

/** Users 0..k with 1, 2, ..., k+1 rows (and one user with 40 rows), items distinct per user. */
function ladder(): Interactions {
  const rows: Array<{ user: number; item: number; timestamp: number }> = []
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22, 26, 40]
  sizes.forEach((size, user) => {
    for (let k = 0; k < size; k++) rows.push({ user, item: k, timestamp: rows.length })
  })
  return interactionsFromRows(rows)
}

function rowsOf(data: Interactions): string[] {
  return Array.from(data.users, (u, k) => `${u}:${data.items[k]}`)
}

function perUser(data: Interactions): Map<number, number> {
  const counts = new Map<number, number>()
  for (const u of data.users) counts.set(u, (counts.get(u) ?? 0) + 1)
  return counts
}

describe("per-user 75/25 split", () => {
  const data = ladder()

  it("puts floor(0.75 n) of each user's rows in train and the rest in test", () => {
    const { train, test } = splitEachUserByRatio(data, { ratio: 0.75, seed: 42 })
    const all = perUser(data)
    const inTrain = perUser(train)
    const inTest = perUser(test)
    for (const [user, n] of all) {
      expect(inTrain.get(user) ?? 0).toBe(Math.floor(0.75 * n))
      expect(inTest.get(user) ?? 0).toBe(n - Math.floor(0.75 * n))
    }
  })

  it("partitions the rows: disjoint, complete, ids and counts kept", () => {
    const { train, test } = splitEachUserByRatio(data, { seed: 42 })
    const trainRows = new Set(rowsOf(train))
    const testRows = rowsOf(test)
    expect(testRows.some((r) => trainRows.has(r))).toBe(false)
    expect([...trainRows, ...testRows].sort()).toEqual(rowsOf(data).sort())
    expect([train.userCount, train.itemCount, test.userCount, test.itemCount]).toEqual([
      data.userCount,
      data.itemCount,
      data.userCount,
      data.itemCount,
    ])
  })

  it("is deterministic for a seed and changes with it", () => {
    const a = splitEachUserByRatio(data, { seed: 42 })
    const b = splitEachUserByRatio(data, { seed: 42 })
    const c = splitEachUserByRatio(data, { seed: 7 })
    expect(rowsOf(a.test)).toEqual(rowsOf(b.test))
    expect(rowsOf(c.test)).not.toEqual(rowsOf(a.test))
  })

  it("keeps file order within each side", () => {
    const { train } = splitEachUserByRatio(data, { seed: 42 })
    const times = Array.from(train.timestamps)
    expect(times).toEqual([...times].sort((x, y) => x - y))
  })

  it("rejects a ratio outside (0, 1)", () => {
    expect(() => splitEachUserByRatio(data, { ratio: 1 })).toThrow(MlConfigError)
  })
})
