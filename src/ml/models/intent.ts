import { MlConfigError, MlDataError, throwIfAborted } from "../errors"
import { bestF1Threshold } from "../features/decision-threshold"
import {
  TabularEncoder,
  type TabularEncoderState,
  type TabularRow,
  type TabularSchema,
} from "../features/tabular-encoder"
import { createRng, shuffleInPlace } from "../random"
import { initTf, tf } from "../tf"

/**
 * Purchase-intent model: a dense network (ReLU hidden layers, sigmoid output, binary
 * cross-entropy, Adam) over any named tabular schema. P4 trains it on UCI sessions, the store
 * trains it on its own sessions (features/session-features.ts), and the ranker trains it on
 * (shopper, candidate) rows. With no hidden layers it is logistic regression, the P4 baseline.
 * The encoder is fitted on the training rows only and travels with the weights.
 */
export type IntentModelConfig = {
  /** Units per hidden layer; [] gives logistic regression. */
  hiddenUnits: number[]
  epochs: number
  batchSize: number
  learningRate: number
  /** L2 penalty on kernels (not biases). */
  l2: number
  /** "balanced" weighs each class by n / (2 n_class), so the rare buyers are not ignored. */
  classWeighting: "balanced" | "none"
  seed: number
}

/**
 * Chosen by a small sweep on P4 with fold seed 7 (reported runs use seed 42): AUC sat within
 * 0.924-0.932 for [16], [32, 16], [64, 32], 6-24 epochs, batch 128-512, lr 1e-3-1e-2; more
 * epochs overfit unless L2 is 1e-3. wasm cost is per step, so batch 256 with lr 0.006 keeps the
 * AUC of batch 128 (0.9312 vs 0.9316) at ~65% of its CPU time.
 */
export const DEFAULT_INTENT_CONFIG: IntentModelConfig = {
  hiddenUnits: [32, 16],
  epochs: 12,
  batchSize: 256,
  learningRate: 0.006,
  l2: 1e-3,
  classWeighting: "balanced",
  seed: 42,
}

export type TrainOptions = {
  signal?: AbortSignal
  /** Fraction of training done, 0..1, reported once per epoch. */
  onProgress?: (fraction: number) => void
}

export type TrainStats = {
  train_ms: number
  /** Peak of tfjs-tracked tensor memory while training (inputs, weights, optimizer state). */
  peak_tensor_bytes: number
  epochs: number
  final_loss: number
  rows: number
}

export type DenseLayerWeights = { inputs: number; units: number; kernel: number[]; bias: number[] }

/** Plain arrays and JSON-safe values only: the pipeline stores this as jsonb. */
export type IntentModelWeights = {
  format: "intent-model/v1"
  config: IntentModelConfig
  encoder: TabularEncoderState
  layers: DenseLayerWeights[]
  threshold: number
}

type DenseLayer = { kernel: tf.Variable; bias: tf.Variable }

/** tf.variable keeps its own handle on the data, so the initial tensor must be released. */
function variableFrom(initial: tf.Tensor): tf.Variable {
  const v = tf.variable(initial)
  initial.dispose()
  return v
}

/** Model factory: seeded Glorot kernels and zero biases, one seed per layer. */
function createNetwork(inputWidth: number, hiddenUnits: readonly number[], seed: number): DenseLayer[] {
  const sizes = [inputWidth, ...hiddenUnits, 1]
  const layers: DenseLayer[] = []
  for (let l = 0; l + 1 < sizes.length; l++) {
    const kernel = tf.initializers.glorotUniform({ seed: seed + l }).apply([sizes[l]!, sizes[l + 1]!])
    layers.push({ kernel: variableFrom(kernel), bias: variableFrom(tf.zeros([sizes[l + 1]!])) })
  }
  return layers
}

function restoreNetwork(weights: readonly DenseLayerWeights[]): DenseLayer[] {
  return weights.map((w) => {
    if (w.kernel.length !== w.inputs * w.units || w.bias.length !== w.units) {
      throw new MlDataError("intent model weights have inconsistent shapes")
    }
    return {
      kernel: variableFrom(tf.tensor2d(w.kernel, [w.inputs, w.units])),
      bias: variableFrom(tf.tensor1d(w.bias)),
    }
  })
}

/** Logits [rows, 1]; call inside tf.tidy. */
function forward(layers: readonly DenseLayer[], x: tf.Tensor2D): tf.Tensor2D {
  let h = x
  layers.forEach((layer, i) => {
    h = tf.add(tf.matMul(h, layer.kernel), layer.bias)
    if (i + 1 < layers.length) h = tf.relu(h)
  })
  return h
}

function validateConfig(c: IntentModelConfig): void {
  const ok =
    c.hiddenUnits.every((u) => Number.isInteger(u) && u > 0) &&
    Number.isInteger(c.epochs) &&
    c.epochs > 0 &&
    Number.isInteger(c.batchSize) &&
    c.batchSize > 0 &&
    c.learningRate > 0 &&
    c.l2 >= 0
  if (!ok) throw new MlConfigError(`invalid intent model config: ${JSON.stringify(c)}`)
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
const PREDICT_CHUNK = 8192

export class IntentModel {
  private constructor(
    readonly config: IntentModelConfig,
    readonly encoder: TabularEncoder,
    private layers: DenseLayer[],
    /** Probability at or above which a session counts as "will buy"; maximises training F1. */
    public threshold: number,
    readonly trainStats: TrainStats | null
  ) {}

  static async train(
    schema: TabularSchema,
    rows: readonly TabularRow[],
    labels: ArrayLike<number>,
    config: Partial<IntentModelConfig> = {},
    options: TrainOptions = {}
  ): Promise<IntentModel> {
    await initTf()
    const c: IntentModelConfig = { ...DEFAULT_INTENT_CONFIG, ...config }
    validateConfig(c)
    if (rows.length !== labels.length) throw new MlDataError(`${rows.length} rows but ${labels.length} labels`)
    let positives = 0
    for (let i = 0; i < labels.length; i++) if (labels[i]! > 0.5) positives++
    if (positives === 0 || positives === rows.length) {
      throw new MlDataError("intent training needs both buyers and non-buyers")
    }
    throwIfAborted(options.signal)
    const started = performance.now()
    const encoder = TabularEncoder.fit(schema, rows)
    const encoded = encoder.encode(rows)
    const n = rows.length
    const width = encoder.width

    const y = Float32Array.from({ length: n }, (_, i) => (labels[i]! > 0.5 ? 1 : 0))
    const posWeight = c.classWeighting === "balanced" ? n / (2 * positives) : 1
    const negWeight = c.classWeighting === "balanced" ? n / (2 * (n - positives)) : 1
    const w = y.map((v) => (v === 1 ? posWeight : negWeight))

    const layers = createNetwork(width, c.hiddenUnits, c.seed)
    const xAll = tf.tensor2d(encoded, [n, width])
    const yAll = tf.tensor2d(y, [n, 1])
    const wAll = tf.tensor2d(w, [n, 1])
    const optimizer = tf.train.adam(c.learningRate)
    const variables = layers.flatMap((l) => [l.kernel, l.bias])
    const rng = createRng(c.seed ^ 0x5bd1e995)
    const order = Array.from({ length: n }, (_, i) => i)
    let peak = tf.memory().numBytes
    let lastLoss = Number.NaN
    try {
      for (let epoch = 0; epoch < c.epochs; epoch++) {
        shuffleInPlace(order, rng)
        let lossSum = 0
        let batches = 0
        for (let start = 0; start < n; start += c.batchSize) {
          throwIfAborted(options.signal)
          const batch = tf.tensor1d(Int32Array.from(order.slice(start, start + c.batchSize)), "int32")
          const cost = tf.tidy((): tf.Scalar => {
            const loss = optimizer.minimize(
              () => {
                const xb = tf.gather(xAll, batch)
                const logits = forward(layers, xb)
                const data = tf.losses.sigmoidCrossEntropy<tf.Tensor2D, tf.Scalar>(
                  tf.gather(yAll, batch),
                  logits,
                  tf.gather(wAll, batch)
                )
                if (c.l2 === 0) return data
                const penalty = tf.addN(layers.map((l) => tf.sum(tf.square(l.kernel))))
                return tf.add<tf.Scalar>(data, tf.mul(penalty, c.l2))
              },
              true,
              variables
            )
            return loss ?? tf.scalar(Number.NaN) // minimize returns the cost when asked to
          })
          peak = Math.max(peak, tf.memory().numBytes)
          batch.dispose()
          lossSum += cost.dataSync()[0]!
          cost.dispose()
          batches++
        }
        lastLoss = lossSum / Math.max(1, batches)
        options.onProgress?.((epoch + 1) / c.epochs)
        await yieldToEventLoop() // lets an abort() from elsewhere land between epochs
      }
    } catch (error) {
      tf.dispose(variables)
      throw error
    } finally {
      tf.dispose([xAll, yAll, wAll])
      optimizer.dispose()
    }
    const model = new IntentModel(c, encoder, layers, 0.5, {
      train_ms: performance.now() - started,
      peak_tensor_bytes: peak,
      epochs: c.epochs,
      final_loss: lastLoss,
      rows: n,
    })
    model.threshold = bestF1Threshold(model.predictEncoded(encoded, n), y)
    return model
  }

  static async fromWeights(weights: IntentModelWeights): Promise<IntentModel> {
    await initTf()
    if (weights.format !== "intent-model/v1") throw new MlDataError(`unknown intent model format "${weights.format}"`)
    const encoder = TabularEncoder.fromState(weights.encoder)
    if (weights.layers[0]?.inputs !== encoder.width) {
      throw new MlDataError("intent model weights do not match their encoder's width")
    }
    return new IntentModel(weights.config, encoder, restoreNetwork(weights.layers), weights.threshold, null)
  }

  /** Purchase probability per row. */
  predict(rows: readonly TabularRow[]): Float32Array {
    return this.predictEncoded(this.encoder.encode(rows), rows.length)
  }

  /** Whether each row crosses the decision threshold. */
  classify(rows: readonly TabularRow[]): boolean[] {
    return Array.from(this.predict(rows), (p) => p >= this.threshold)
  }

  private predictEncoded(encoded: Float32Array, n: number): Float32Array {
    if (this.layers.length === 0) throw new MlDataError("intent model was disposed")
    const width = this.encoder.width
    const out = new Float32Array(n)
    for (let start = 0; start < n; start += PREDICT_CHUNK) {
      const end = Math.min(n, start + PREDICT_CHUNK)
      const probabilities = tf.tidy(() =>
        tf.sigmoid(forward(this.layers, tf.tensor2d(encoded.subarray(start * width, end * width), [end - start, width])))
      )
      out.set(probabilities.dataSync(), start)
      probabilities.dispose()
    }
    return out
  }

  exportWeights(): IntentModelWeights {
    return {
      format: "intent-model/v1",
      config: { ...this.config, hiddenUnits: [...this.config.hiddenUnits] },
      encoder: this.encoder.state(),
      layers: this.layers.map((l) => ({
        inputs: l.kernel.shape[0]!,
        units: l.kernel.shape[1]!,
        kernel: Array.from(l.kernel.dataSync()),
        bias: Array.from(l.bias.dataSync()),
      })),
      threshold: this.threshold,
    }
  }

  dispose(): void {
    tf.dispose(this.layers.flatMap((l) => [l.kernel, l.bias]))
    this.layers = []
  }
}
