import { ContentModel, type ProductFeatures, type ProductPair } from "../../../src/ml/models/content"
import { MlAbortedError } from "../../../src/ml/errors"
import { createRng } from "../../../src/ml/random"
import { initTf, tf } from "../../../src/ml/tf"

/**
 * Two categories with their own title words; collections, tags, type, prices and most title
 * words are shared by both. Behaviour pairs only ever join products of the same category.
 */
const WORDS = {
  shoes: ["running", "trail", "sneaker", "lace", "sole", "boot"],
  kitchen: ["pan", "skillet", "knife", "pot", "lid", "whisk"],
} as const
const SHARED_WORDS = ["classic", "premium", "new", "black", "large", "small", "red", "blue"]
type Category = keyof typeof WORDS

/** One category word and `generic` shared words; `categoryId` null = not categorised yet. */
function product(id: string, category: Category, rng: () => number, categoryId: string | null, generic = 2): ProductFeatures {
  const pick = (list: readonly string[]) => list[Math.floor(rng() * list.length)]!
  return {
    id,
    title: [pick(WORDS[category]), ...Array.from({ length: generic }, () => pick(SHARED_WORDS))].join(" "),
    category_ids: categoryId ? [categoryId] : [],
    collection_id: pick(["col_sale", "col_new"]),
    tag_ids: [pick(["tag_a", "tag_b", "tag_c"])],
    type_id: "type_physical",
    price: 10 + Math.floor(rng() * 90),
  }
}

function syntheticCatalogue(perCategory: number, seed = 1) {
  const rng = createRng(seed)
  const catalogue: ProductFeatures[] = []
  const byCategory: Record<Category, string[]> = { shoes: [], kitchen: [] }
  for (const category of ["shoes", "kitchen"] as const) {
    for (let i = 0; i < perCategory; i++) {
      const p = product(`${category}_${i}`, category, rng, `cat_${category}`)
      catalogue.push(p)
      byCategory[category].push(p.id)
    }
  }
  const pairs: ProductPair[] = []
  for (let n = 0; n < perCategory * 40; n++) {
    const list = byCategory[n % 2 === 0 ? "shoes" : "kitchen"]
    pairs.push([list[Math.floor(rng() * list.length)]!, list[Math.floor(rng() * list.length)]!])
  }
  return { catalogue, pairs, rng }
}

const categoryOf = (id: string) => id.split("_")[0]

describe("content model", () => {
  beforeAll(async () => {
    await initTf()
  })

  it("places a new product with no behaviour next to products of its own category", async () => {
    const { catalogue, pairs, rng } = syntheticCatalogue(40)
    const newShoe = product("shoes_new", "shoes", rng, "cat_shoes")
    const newPan = product("kitchen_new", "kitchen", rng, "cat_kitchen")
    const model = await ContentModel.train([...catalogue, newShoe, newPan], pairs, { seed: 3 })

    const shoeNeighbours = model.similar("shoes_new", 10)
    expect(shoeNeighbours).toHaveLength(10)
    expect(shoeNeighbours.every((n) => categoryOf(n.id) === "shoes")).toBe(true)
    expect(model.similar("kitchen_new", 10).every((n) => categoryOf(n.id) === "kitchen")).toBe(true)
    expect(model.trainStats!.samples_per_second).toBeGreaterThan(0)
  })

  it("learns which title words matter: uncategorised new products find their kind, untrained ones do not", async () => {
    const { catalogue, pairs, rng } = syntheticCatalogue(40, 5)
    // One telling word among three shared ones, and no category: surface overlap alone is chance.
    const fresh = Array.from({ length: 20 }, (_, i) => {
      const category: Category = i % 2 === 0 ? "shoes" : "kitchen"
      return product(`${category}_new${i}`, category, rng, null, 3)
    })
    const precisionAt10 = (model: ContentModel) =>
      fresh.reduce((sum, p) => sum + model.similar(p, 10).filter((n) => categoryOf(n.id) === categoryOf(p.id)).length, 0) /
      (fresh.length * 10)
    const untrained = await ContentModel.train(catalogue, pairs, { learningRate: 1e-9 })
    const trained = await ContentModel.train(catalogue, pairs)
    expect(precisionAt10(untrained)).toBeLessThan(0.75)
    expect(precisionAt10(trained)).toBeGreaterThanOrEqual(0.9)
  })

  it("recommends to a new shopper from their first views", async () => {
    const { catalogue, pairs } = syntheticCatalogue(30, 2)
    const model = await ContentModel.train(catalogue, pairs)
    const recs = model.fromViews(["kitchen_1", "kitchen_7"], 8)
    expect(recs).toHaveLength(8)
    expect(recs.map((r) => r.id)).not.toContain("kitchen_1")
    expect(recs.every((r) => categoryOf(r.id) === "kitchen")).toBe(true)
    expect(model.fromViews(["no_such_product"], 5)).toEqual([])
  })

  it("round-trips its weights through JSON and leaves no tensors behind", async () => {
    const { catalogue, pairs } = syntheticCatalogue(20, 3)
    const before = tf.memory().numTensors
    const model = await ContentModel.train(catalogue, pairs, { epochs: 3 })
    expect(tf.memory().numTensors).toBe(before)
    const again = await ContentModel.train(catalogue, pairs, { epochs: 3 })
    expect(tf.memory().numTensors).toBe(before)
    // Seeded: the same data and config give the same embeddings.
    expect(again.exportWeights().token_embeddings).toEqual(model.exportWeights().token_embeddings)

    const restored = ContentModel.fromWeights(JSON.parse(JSON.stringify(model.exportWeights())), catalogue)
    expect(restored.embed(catalogue)).toEqual(model.embed(catalogue))
    expect(restored.similar("shoes_3", 5)).toEqual(model.similar("shoes_3", 5))
  })

  it("stops when its signal aborts and reports progress per epoch", async () => {
    const { catalogue, pairs } = syntheticCatalogue(20, 4)
    const before = tf.memory().numTensors
    const controller = new AbortController()
    const progress: number[] = []
    await expect(
      ContentModel.train(catalogue, pairs, { epochs: 5 }, {
        signal: controller.signal,
        onProgress: (fraction) => {
          progress.push(fraction)
          if (fraction >= 0.4) controller.abort()
        },
      })
    ).rejects.toBeInstanceOf(MlAbortedError)
    expect(progress).toEqual([0.2, 0.4])
    expect(tf.memory().numTensors).toBe(before)
  })
})
