import { interactionsFromRows } from "../../../src/ml/data/interactions"
import { topK } from "../../../src/ml/eval/rank"
import { restoreForYouModel } from "../../../src/ml/models/for-you"
import { PopularityModel } from "../../../src/ml/models/popularity"

describe("popularity", () => {
  const train = interactionsFromRows(
    [
      { user: 0, item: 3 },
      { user: 0, item: 3 }, // a repeat by the same user counts once
      { user: 1, item: 3 },
      { user: 0, item: 1 },
      { user: 2, item: 1 },
      { user: 1, item: 4 },
      { user: 2, item: 0 },
    ],
    { itemCount: 6 }
  )

  it("counts distinct users per item, the same for every user and history", async () => {
    const model = new PopularityModel()
    await model.fit(train)
    expect(Array.from(model.scoreUser(0))).toEqual([1, 2, 0, 2, 1, 0])
    expect(Array.from(model.scoreItems({ items: [5] }))).toEqual([1, 2, 0, 2, 1, 0])
  })

  it("breaks ties by ascending item id and skips excluded items", async () => {
    const model = new PopularityModel()
    await model.fit(train)
    expect(topK(model.scoreUser(0), 6)).toEqual([1, 3, 0, 4, 2, 5])
    const scores = model.scoreUser(0)
    scores[1] = -Infinity
    expect(topK(scores, 3)).toEqual([3, 0, 4])
  })

  it("survives a state round trip", async () => {
    const model = new PopularityModel()
    await model.fit(train)
    expect(Array.from(restoreForYouModel(model.toState()).scoreUser(1))).toEqual(Array.from(model.scoreUser(1)))
  })
})
