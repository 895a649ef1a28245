import { ContentModel, type ProductFeatures, type ProductPair } from "../../../src/ml/models/content"
import { MlAbortedError } from "../../../src/ml/errors"
import { createRng } from "../../../src/ml/random"
import { initTf, tf } from "../../../src/ml/tf"

/**
 * Two categories with their own title words, plus words, tags and prices shared by both.
 * Behaviour pairs only ever join products of the same category.
 */
const WORDS = {
  shoes: ["running", "trail", "sneaker", "lace", "sole", "boot"],
  kitchen: ["pan", "skillet", "knife", "pot", "lid", "whisk"],
} as const
const SHARED_WORDS = ["classic", "premium", "new", "black", "large"]
type Category = keyof typeof WORDS

function product(id: string, category: Category, rng: () => number, categoryId: string = `cat_${category}`): ProductFeatures {
  const pick = (list: readonly string[]) => list[Math.floor(rng() * list.length)]!
  return {
    id,
    title: `${pick(SHARED_WORDS)} ${pick(WORDS[category])} ${pick(WORDS[category])}`,
    category_ids: [categoryId],
    collection_id: rng() < 0.5 ? "col_sale" : null,
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
      const p = product(`${category}_${i}`, category, rng)
      catalogue.push(p)
      byCategory[category].push(p.id)
    }
  }
  const pairs: ProductPair[] = []
  for (let n = 0; n < perCategory * 20; n++) {
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
    const newShoe = product("shoes_new", "shoes", rng)
    const newPan = product("kitchen_new", "kitchen", rng)
    const model = await ContentModel.train([...catalogue, newShoe, newPan], pairs, { epochs: 8, seed: 3 })

    const shoeNeighbours = model.similar("shoes_new", 10)
    expect(shoeNeighbours).toHaveLength(10)
    expect(shoeNeighbours.every((n) => categoryOf(n.id) === "shoes")).toBe(true)
    expect(model.similar("kitchen_new", 10).every((n) => categoryOf(n.id) === "kitchen")).toBe(true)

    // A product from a category id never seen in training still lands by its title words.
    const unseenCategory = product("kitchen_unseen", "kitchen", rng, "cat_cookware")
    const byTitle = model.similar(unseenCategory, 5)
    expect(byTitle.filter((n) => categoryOf(n.id) === "kitchen").length).toBeGreaterThanOrEqual(4)
    expect(model.trainStats!.samples_per_second).toBeGreaterThan(0)
  })

  it("recommends to a new shopper from their first views", async () => {
    const { catalogue, pairs } = syntheticCatalogue(30, 2)
    const model = await ContentModel.train(catalogue, pairs, { epochs: 8 })
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
