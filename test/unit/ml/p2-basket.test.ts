import { parseGroceries } from "../../../src/ml/datasets/groceries"
import { MlAbortedError, MlDataError } from "../../../src/ml/errors"
import { basketPopularity, evaluateCartScorer, splitBaskets, timedBasket } from "../../../src/ml/eval/protocols/p2-basket"

const CSV = [
  "Member_number,Date,itemDescription,year,month,day,day_of_week",
  "1,2015-01-02,milk,2015,1,2,4",
  "1,2015-01-02,bread,2015,1,2,4",
  "1,2015-01-02,milk,2015,1,2,4", // a repeated line is one item of the basket
  "2,2015-01-03,milk,2015,1,3,5",
  "2,2015-01-03,eggs,2015,1,3,5",
  "1,2015-08-01,bread,2015,8,1,5",
  "1,2015-08-01,eggs,2015,8,1,5",
  "1,2015-08-01,caviar,2015,8,1,5", // never bought in training
  "2,2015-08-02,milk,2015,8,2,6", // one distinct item: not a test basket
  "3,2015-08-03,milk,2015,8,3,0",
  "3,2015-08-03,bread,2015,8,3,0", // member 3 has no training basket
].join("\n")

describe("P2 groceries loader", () => {
  it("groups lines into distinct-item baskets per member and date, ids by sorted name", () => {
    const data = parseGroceries(CSV)
    expect(data.itemNames).toEqual(["bread", "caviar", "eggs", "milk"])
    expect(data.baskets[0]).toEqual({ member: "1", date: "2015-01-02", items: [0, 3] })
    expect(data.baskets.map((b) => b.date)).toEqual([...data.baskets.map((b) => b.date)].sort())
  })

  it("rejects malformed rows instead of skipping them", () => {
    expect(() => parseGroceries("Member_number,Date,itemDescription\n1,02/01/2015,milk")).toThrow(MlDataError)
    expect(() => parseGroceries("Member_number,Date,itemDescription\n1,2015-01-02")).toThrow(MlDataError)
    expect(() => parseGroceries("a,b,c\n1,2,3")).toThrow(MlDataError)
  })
})

describe("P2 split and evaluation", () => {
  const data = parseGroceries(CSV)
  const split = splitBaskets(data.baskets, data.itemNames.length, "2015-07-01")

  it("keeps later baskets with >= 2 items from known members and hides each item in turn", () => {
    expect(split.stats).toEqual({
      train_baskets: 2,
      test_baskets: 2, // member 1's and member 3's later baskets
      test_baskets_known_members: 1,
      cases: 3,
      items: 4,
    })
    expect(split.cases.map((c) => [c.cart, c.target])).toEqual([
      [[1, 2], 0],
      [[0, 2], 1],
      [[0, 1], 2],
    ])
    expect(Array.from(split.catalogue)).toEqual([1, 0, 1, 1])
  })

  it("counts an item never bought in training as a miss and applies the tie rule", () => {
    // Every item scores the same: a target ties with the other candidates and gets half credit each.
    const flat = evaluateCartScorer(split, (_cart, out) => out.fill(1), 1)
    // Cases: bread (candidates bread, milk: rank 0.5 -> hit@1, rr 2/3); caviar (miss); eggs (eggs, milk: same).
    expect(flat.hr).toBeCloseTo(2 / 3, 12)
    expect(flat.mrr).toBeCloseTo((2 / 3 + 0 + 2 / 3) / 3, 12)

    const pop = basketPopularity(split.train, 4)
    expect(Array.from(pop)).toEqual([1, 0, 1, 2])
    // milk (2) is above bread and eggs (1) and never in these carts, so each target ranks 1.
    const byPop = evaluateCartScorer(split, (_cart, out) => out.set(pop), 1)
    expect(byPop.hr).toBe(0)
  })

  it("excludes the cart from the ranking", () => {
    // A scorer that loves the cart items: they must not push the target down.
    const metrics = evaluateCartScorer(split, (cart, out) => {
      out.fill(0)
      for (const item of cart) out[item] = 100
    }, 1)
    // bread: candidates bread, milk (both 0) -> rank 0.5, hit; eggs likewise; caviar a miss.
    expect(metrics.hr).toBeCloseTo(2 / 3, 12)
  })

  it("stops when its signal fires", () => {
    const controller = new AbortController()
    controller.abort()
    expect(() => evaluateCartScorer(split, (_c, out) => out.fill(0), 10, { signal: controller.signal })).toThrow(MlAbortedError)
  })

  it("dates baskets at UTC midnight for the decay", () => {
    expect(timedBasket(data.baskets[0]!).time).toBe(Date.UTC(2015, 0, 2))
  })
})
