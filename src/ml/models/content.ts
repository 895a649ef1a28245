import { MlConfigError, MlDataError, throwIfAborted } from "../errors"
import { topK } from "../eval/rank"
import { priceBandEdges } from "../features/price-band"
import { productTokens, type ProductFeatures } from "../features/product-tokens"
import { Vocabulary } from "../features/vocabulary"
import { createRng, shuffleInPlace } from "../random"
import { initTf, tf } from "../tf"
import type { TrainOptions } from "./intent"

export type { ProductFeatures } from "../features/product-tokens"

/**
 * Neural content model: a product's embedding is the L2-normalised mean of the embeddings of
 * its tokens (title words, categories, collection, tags, type, price band). A siamese tower is
 * trained so products that co-occur in behaviour score high against each other and low against
 * the other products of the batch (in-batch softmax). Any product, including one with no
 * behaviour yet, is embedded from its tokens alone; a new shopper is the mean of what they viewed.
 *
 * Lookups are tf.gather, whose gradient needs UnsortedSegmentSum (registered by tf.ts on wasm).
 * After training the token table is kept as a plain Float32Array: serving needs no tensors.
 */
export type ContentModelConfig = {
  dimension: number
  /** Tokens kept per product (structured fields first, then title words). */
  maxTokens: number
  epochs: number
  batchSize: number
  learningRate: number
  /** Softmax temperature on cosine similarities. */
  temperature: number
  priceBands: number
  /** Tokens seen on fewer trained products than this are ignored. */
  minTokenCount: number
  /** Directed pairs drawn (without replacement) per epoch: bounds training time on big data. */
  samplesPerEpoch: number
  seed: number
}

/**
 * Measured on wasm with a 1,682-product synthetic catalogue (ML-100K size): batch 128 gave the
 * most samples per CPU-second (the in-batch softmax grows with batch^2; 256 was ~20% and 512
 * ~50% slower per sample), dimension 64 halved the speed for no gain on the unit-test catalogue.
 * 6 epochs x at most 40k directed pairs bounds a retrain to ~240k samples (~10-15 s on 2 busy cores).
 */
export const DEFAULT_CONTENT_CONFIG: ContentModelConfig = {
  dimension: 32,
  maxTokens: 32,
  epochs: 6,
  batchSize: 128,
  learningRate: 0.01,
  temperature: 0.1,
  priceBands: 5,
  minTokenCount: 1,
  samplesPerEpoch: 40_000,
  seed: 42,
}

/** Two products that co-occurred in behaviour (viewed in one session, bought together...). */
export type ProductPair = readonly [string, string]

export type ContentTrainStats = {
  train_ms: number
  peak_tensor_bytes: number
  /** Directed pairs processed per second of training. */
  samples_per_second: number
  pairs: number
  vocabulary: number
  final_loss: number
}

/** Plain arrays only, so the pipeline can store it as jsonb (or the table as bytea). */
export type ContentModelWeights = {
  format: "content-model/v1"
  config: ContentModelConfig
  vocabulary: string[]
  price_band_edges: number[]
  /** Row-major [vocabulary.length + 1, dimension]; row 0 is padding/unknown and unused. */
  token_embeddings: number[]
}

export type Neighbour = { id: string; score: number }

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
/** Added to the logits of in-batch "negatives" that are in fact the positive item. */
const MASKED = -1e9

function validateConfig(c: ContentModelConfig): void {
  const positiveInts = [c.dimension, c.maxTokens, c.epochs, c.batchSize, c.priceBands, c.minTokenCount, c.samplesPerEpoch]
  if (!positiveInts.every((v) => Number.isInteger(v) && v > 0) || !(c.learningRate > 0) || !(c.temperature > 0)) {
    throw new MlConfigError(`invalid content model config: ${JSON.stringify(c)}`)
  }
}

export class ContentModel {
  private catalogueIds: string[] = []
  private catalogueIndex = new Map<string, number>()
  /** Row-major [catalogue, dimension], unit length (or all zero when a product has no known token). */
  private catalogueVectors: Float32Array = new Float32Array(0)

  private constructor(
    readonly config: ContentModelConfig,
    private readonly vocabulary: Vocabulary,
    private readonly priceEdges: number[],
    private readonly tokenEmbeddings: Float32Array,
    readonly trainStats: ContentTrainStats | null
  ) {}

  /** Trains on `pairs` and indexes `catalogue` (which may include products with no pairs). */
  static async train(
    catalogue: readonly ProductFeatures[],
    pairs: readonly ProductPair[],
    config: Partial<ContentModelConfig> = {},
    options: TrainOptions = {}
  ): Promise<ContentModel> {
    await initTf()
    const c: ContentModelConfig = { ...DEFAULT_CONTENT_CONFIG, ...config }
    validateConfig(c)
    throwIfAborted(options.signal)
    const started = performance.now()
    const position = new Map(catalogue.map((p, i) => [p.id, i]))
    // Both directions, so one softmax direction trains a symmetric similarity.
    const directed: Array<[number, number]> = []
    for (const [a, b] of pairs) {
      const i = position.get(a)
      const j = position.get(b)
      if (i === undefined || j === undefined || i === j) continue
      directed.push([i, j], [j, i])
    }
    if (directed.length === 0) throw new MlDataError("content model needs at least one pair of distinct catalogue products")

    const priceEdges = priceBandEdges(
      catalogue.flatMap((p) => (p.price === null ? [] : [p.price])),
      c.priceBands
    )
    const trained = new Set(directed.map(([i]) => i))
    const tokensOf = catalogue.map((p) => productTokens(p, priceEdges, c.maxTokens))
    // Only tokens of products with behaviour get gradients; others would stay random noise.
    const vocabulary = Vocabulary.fit(
      [...trained].flatMap((i) => tokensOf[i]!),
      c.minTokenCount
    )
    // Known token ids per product; padding-free so each step only touches real tokens.
    const productTokenIds = tokensOf.map((tokens) =>
      Int32Array.from(tokens.map((t) => vocabulary.indexOf(t)).filter((id) => id !== 0))
    )

    const initial = tf.randomNormal([vocabulary.size, c.dimension], 0, 0.1, "float32", c.seed)
    const table = tf.variable(initial)
    initial.dispose()
    const optimizer = tf.train.adam(c.learningRate)

    /** Unit embeddings of the batch's distinct products (call inside the optimizer's closure). */
    const tower = (products: readonly number[]) => {
      const bag = tokenBag(products.map((p) => productTokenIds[p]!))
      return (): tf.Tensor2D => {
        const mean = tokenBagMean(bag, table)
        return tf.div(mean, tf.sqrt(tf.add(tf.sum(tf.square(mean), 1, true), 1e-8)))
      }
    }

    const rng = createRng(c.seed ^ 0x2545f491)
    let peak = tf.memory().numBytes
    let lastLoss = Number.NaN
    let embeddings: Float32Array
    try {
      for (let epoch = 0; epoch < c.epochs; epoch++) {
        shuffleInPlace(directed, rng)
        const epochSize = Math.min(directed.length, c.samplesPerEpoch)
        let lossSum = 0
        let batches = 0
        for (let start = 0; start < epochSize; start += c.batchSize) {
          throwIfAborted(options.signal)
          const batch = directed.slice(start, Math.min(epochSize, start + c.batchSize))
          const size = batch.length
          const anchors = Int32Array.from(batch, ([i]) => i)
          const positives = Int32Array.from(batch, ([, j]) => j)
          // Column k is no negative for row r if it is r's positive or anchor again, or another
          // partner of r's anchor (a product that co-occurs with several in one batch).
          const columnsWithPositive = groupRows(positives)
          const rowsWithAnchor = groupRows(anchors)
          const mask = new Float32Array(size * size)
          for (let r = 0; r < size; r++) {
            const notNegative = [
              ...columnsWithPositive.get(positives[r]!)!,
              ...(columnsWithPositive.get(anchors[r]!) ?? []),
              ...rowsWithAnchor.get(anchors[r]!)!,
            ]
            for (const k of notNegative) if (k !== r) mask[r * size + k] = MASKED
          }
          const distinct = [...new Set([...anchors, ...positives])]
          const local = new Map(distinct.map((p, i) => [p, i]))
          const embedBatch = tower(distinct)
          const cost = tf.tidy((): tf.Scalar => {
            const a = tf.tensor1d(Int32Array.from(anchors, (p) => local.get(p)!), "int32")
            const b = tf.tensor1d(Int32Array.from(positives, (p) => local.get(p)!), "int32")
            const logitMask = tf.tensor2d(mask, [size, size])
            const labels = tf.eye(size)
            const loss = optimizer.minimize(
              () => {
                const embedded = embedBatch()
                const similarity = tf.matMul(tf.gather(embedded, a), tf.gather(embedded, b), false, true)
                const logits = tf.add<tf.Tensor2D>(tf.div(similarity, c.temperature), logitMask)
                return tf.losses.softmaxCrossEntropy<tf.Tensor2D, tf.Scalar>(labels, logits)
              },
              true,
              [table]
            )
            return loss ?? tf.scalar(Number.NaN) // minimize returns the cost when asked to
          })
          peak = Math.max(peak, tf.memory().numBytes)
          lossSum += cost.dataSync()[0]!
          cost.dispose()
          batches++
        }
        lastLoss = lossSum / Math.max(1, batches)
        options.onProgress?.((epoch + 1) / c.epochs)
        await yieldToEventLoop() // lets an abort() from elsewhere land between epochs
      }
      embeddings = Float32Array.from(table.dataSync())
    } finally {
      table.dispose()
      optimizer.dispose()
    }
    const trainMs = performance.now() - started
    const model = new ContentModel(c, vocabulary, priceEdges, embeddings, {
      train_ms: trainMs,
      peak_tensor_bytes: peak,
      samples_per_second: (Math.min(directed.length, c.samplesPerEpoch) * c.epochs) / (trainMs / 1000),
      pairs: directed.length / 2,
      vocabulary: vocabulary.size - 1,
      final_loss: lastLoss,
    })
    model.index(catalogue)
    return model
  }

  /** Restores a trained model and indexes `catalogue` (new products need no retraining). */
  static fromWeights(weights: ContentModelWeights, catalogue: readonly ProductFeatures[]): ContentModel {
    if (weights.format !== "content-model/v1") throw new MlDataError(`unknown content model format "${weights.format}"`)
    validateConfig(weights.config)
    if (weights.token_embeddings.length !== (weights.vocabulary.length + 1) * weights.config.dimension) {
      throw new MlDataError("content model embeddings do not match vocabulary size x dimension")
    }
    const model = new ContentModel(
      weights.config,
      new Vocabulary(weights.vocabulary),
      [...weights.price_band_edges],
      Float32Array.from(weights.token_embeddings),
      null
    )
    model.index(catalogue)
    return model
  }

  /** Replaces the searchable catalogue, e.g. after products are created or edited. */
  index(catalogue: readonly ProductFeatures[]): void {
    this.catalogueIds = catalogue.map((p) => p.id)
    this.catalogueIndex = new Map(this.catalogueIds.map((id, i) => [id, i]))
    this.catalogueVectors = this.embed(catalogue)
  }

  /** Row-major [products, dimension] unit vectors; all zeros for a product with no known token. */
  embed(products: readonly ProductFeatures[]): Float32Array {
    const d = this.config.dimension
    const out = new Float32Array(products.length * d)
    products.forEach((product, p) => {
      const row = out.subarray(p * d, (p + 1) * d)
      let count = 0
      for (const token of productTokens(product, this.priceEdges, this.config.maxTokens)) {
        const id = this.vocabulary.indexOf(token)
        if (id === 0) continue
        for (let k = 0; k < d; k++) row[k] += this.tokenEmbeddings[id * d + k]!
        count++
      }
      if (count > 0) normaliseInPlace(row)
    })
    return out
  }

  /** Content neighbours of a catalogue product (by id) or of any product record (e.g. a new one). */
  similar(product: string | ProductFeatures, k: number): Neighbour[] {
    const id = typeof product === "string" ? product : product.id
    const vector = this.vectorOf(product)
    return vector ? this.nearest(vector, k, new Set([id])) : []
  }

  /** Recommendations for a shopper from the products they viewed: the mean of their vectors. */
  fromViews(viewed: readonly (string | ProductFeatures)[], k: number): Neighbour[] {
    const d = this.config.dimension
    const sum = new Float32Array(d)
    let count = 0
    for (const product of viewed) {
      const vector = this.vectorOf(product)
      if (!vector) continue
      for (let j = 0; j < d; j++) sum[j] += vector[j]!
      count++
    }
    if (count === 0) return []
    normaliseInPlace(sum)
    return this.nearest(sum, k, new Set(viewed.map((p) => (typeof p === "string" ? p : p.id))))
  }

  exportWeights(): ContentModelWeights {
    return {
      format: "content-model/v1",
      config: { ...this.config },
      vocabulary: [...this.vocabulary.values],
      price_band_edges: [...this.priceEdges],
      token_embeddings: Array.from(this.tokenEmbeddings),
    }
  }

  /** A unit vector, or null for an unknown id or a product with no known token. */
  private vectorOf(product: string | ProductFeatures): Float32Array | null {
    const d = this.config.dimension
    let vector: Float32Array
    if (typeof product === "string") {
      const row = this.catalogueIndex.get(product)
      if (row === undefined) return null
      vector = this.catalogueVectors.subarray(row * d, (row + 1) * d)
    } else {
      vector = this.embed([product])
    }
    return vector.some((v) => v !== 0) ? vector : null
  }

  private nearest(vector: Float32Array, k: number, exclude: ReadonlySet<string>): Neighbour[] {
    const d = this.config.dimension
    const n = this.catalogueIds.length
    const scores = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      let dot = 0
      let norm = 0
      for (let j = 0; j < d; j++) {
        const v = this.catalogueVectors[i * d + j]!
        dot += v * vector[j]!
        norm += v * v
      }
      scores[i] = norm === 0 || exclude.has(this.catalogueIds[i]!) ? Number.NEGATIVE_INFINITY : dot
    }
    return topK(scores, k).map((i) => ({ id: this.catalogueIds[i]!, score: scores[i]! }))
  }
}

/** The token rows of a batch of products, flattened: row t of product segments[t], weight 1/|tokens|. */
export type TokenBag = { ids: Int32Array; segments: Int32Array; weights: Float32Array; products: number }

export function tokenBag(tokenLists: readonly Int32Array[]): TokenBag {
  const total = tokenLists.reduce((sum, t) => sum + t.length, 0)
  const bag: TokenBag = {
    ids: new Int32Array(total),
    segments: new Int32Array(total),
    weights: new Float32Array(total),
    products: tokenLists.length,
  }
  let at = 0
  tokenLists.forEach((tokens, product) => {
    bag.ids.set(tokens, at)
    bag.segments.fill(product, at, at + tokens.length)
    bag.weights.fill(1 / Math.max(1, tokens.length), at, at + tokens.length)
    at += tokens.length
  })
  return bag
}

/**
 * Mean token embedding per product: [bag.products, dimension]. Equal to
 * unsortedSegmentSum(gather(table, ids) * weights, segments), but a single fused pass each way:
 * on wasm, GatherV2 and the LogicalAnd inside that gradient cost ~20x this loop (measured).
 * The gradient is the matching scatter-add into a dense [vocabulary, dimension] tensor.
 */
export function tokenBagMean(bag: TokenBag, table: tf.Tensor): tf.Tensor2D {
  if (table.rank !== 2) throw new MlDataError(`tokenBagMean expects a 2-D table, got rank ${table.rank}`)
  const rows = table.shape[0]!
  const dimension = table.shape[1]!
  const op = tf.customGrad<tf.Tensor2D>((input) => {
    if (!(input instanceof tf.Tensor)) throw new MlDataError("tokenBagMean expects the embedding table")
    const values = input.dataSync()
    const out = new Float32Array(bag.products * dimension)
    for (let t = 0; t < bag.ids.length; t++) {
      const from = bag.ids[t]! * dimension
      const to = bag.segments[t]! * dimension
      const w = bag.weights[t]!
      for (let k = 0; k < dimension; k++) out[to + k] += w * values[from + k]!
    }
    return {
      value: tf.tensor2d(out, [bag.products, dimension]),
      gradFunc: (dy: tf.Tensor) => {
        const upstream = dy.dataSync()
        const grad = new Float32Array(rows * dimension)
        for (let t = 0; t < bag.ids.length; t++) {
          const to = bag.ids[t]! * dimension
          const from = bag.segments[t]! * dimension
          const w = bag.weights[t]!
          for (let k = 0; k < dimension; k++) grad[to + k] += w * upstream[from + k]!
        }
        return tf.tensor2d(grad, [rows, dimension])
      },
    }
  })
  return op(table)
}

/** value -> the positions where it occurs. */
function groupRows(values: Int32Array): Map<number, number[]> {
  const groups = new Map<number, number[]>()
  values.forEach((v, k) => {
    const list = groups.get(v)
    if (list) list.push(k)
    else groups.set(v, [k])
  })
  return groups
}

function normaliseInPlace(vector: Float32Array): void {
  let norm = 0
  for (const v of vector) norm += v * v
  norm = Math.sqrt(norm)
  if (norm > 0) for (let j = 0; j < vector.length; j++) vector[j] = vector[j]! / norm
}
