import { csrFromCoordinates, itemUserCsr, transposeCsr, userItemCsr } from "../../../src/ml/data/csr"
import { IdMap } from "../../../src/ml/data/id-map"
import { interactionsFromRows, selectInteractions } from "../../../src/ml/data/interactions"
import { parseMovieLensRatings } from "../../../src/ml/datasets/movielens"
import { MlDataError } from "../../../src/ml/errors"

describe("interactions and CSR", () => {
  const data = interactionsFromRows([
    { user: 1, item: 2, weight: 4, timestamp: 10 },
    { user: 0, item: 1, weight: 1, timestamp: 20 },
    { user: 1, item: 0, weight: 2, timestamp: 30 },
    { user: 1, item: 2, weight: 1, timestamp: 40 },
  ])

  it("infers counts and rejects ids outside them", () => {
    expect([data.userCount, data.itemCount]).toEqual([2, 3])
    expect(() => interactionsFromRows([{ user: 0, item: 3 }], { itemCount: 3 })).toThrow(MlDataError)
  })

  it("builds rows with ascending columns and merges repeats by the chosen policy", () => {
    const byMax = userItemCsr(data)
    expect(Array.from(byMax.indptr)).toEqual([0, 1, 3])
    expect(Array.from(byMax.indices)).toEqual([1, 0, 2])
    expect(Array.from(byMax.values)).toEqual([1, 2, 4])
    expect(Array.from(userItemCsr(data, { duplicates: "sum" }).values)).toEqual([1, 2, 5])
    expect(Array.from(userItemCsr(data, { duplicates: "last" }).values)).toEqual([1, 2, 1])
    expect(Array.from(userItemCsr(data, { value: () => 1 }).values)).toEqual([1, 1, 1])
  })

  it("transposes to the item-side CSR", () => {
    const items = itemUserCsr(data)
    const transposed = transposeCsr(userItemCsr(data))
    for (const m of [items, transposed]) {
      expect(Array.from(m.indptr)).toEqual([0, 1, 2, 3])
      expect(Array.from(m.indices)).toEqual([1, 0, 1])
      expect(Array.from(m.values)).toEqual([2, 1, 4])
    }
  })

  it("rejects coordinates outside the shape", () => {
    expect(() =>
      csrFromCoordinates(1, 1, Int32Array.of(0), Int32Array.of(1), Float32Array.of(1))
    ).toThrow(MlDataError)
  })

  it("selects rows in the order asked", () => {
    const picked = selectInteractions(data, [3, 0])
    expect(Array.from(picked.timestamps)).toEqual([40, 10])
    expect(picked.itemCount).toBe(3)
  })

  it("maps external ids to dense ids and back", () => {
    const ids = IdMap.fromKeys<string>(["b", "a"])
    expect(ids.get("a")).toBe(1)
    expect(ids.add("c")).toBe(2)
    expect(ids.add("b")).toBe(0)
    expect(ids.keyOf(2)).toBe("c")
    expect(ids.toArray()).toEqual(["b", "a", "c"])
    expect(() => ids.keyOf(3)).toThrow(MlDataError)
    expect(() => IdMap.fromKeys([1, 1])).toThrow(MlDataError)
  })
})

describe("MovieLens u.data parsing", () => {
  it("reads tab-separated rows, tolerates a trailing tab and blank lines, orders dense ids by raw id", () => {
    const parsed = parseMovieLensRatings("196\t242\t3\t881250949\n0\t50\t5\t883603013\t\n\n196\t50\t1\t881250950\n")
    expect(parsed.userIds.toArray()).toEqual([0, 196])
    expect(parsed.itemIds.toArray()).toEqual([50, 242])
    expect(Array.from(parsed.interactions.users)).toEqual([1, 0, 1])
    expect(Array.from(parsed.interactions.items)).toEqual([1, 0, 0])
    expect(Array.from(parsed.interactions.weights)).toEqual([3, 5, 1])
    expect(parsed.interactions.timestamps[0]).toBe(881250949000)
  })

  it("names the line of a malformed row", () => {
    expect(() => parseMovieLensRatings("1\t2\t3\t4\n1\t2\tx\n")).toThrow(/line 2/)
    expect(() => parseMovieLensRatings("1\tb\t3\t4\n")).toThrow(MlDataError)
    expect(() => parseMovieLensRatings("\n")).toThrow(MlDataError)
  })
})
