import { tokenBag, tokenBagMean } from "../../../src/ml/models/content"
import { initTf, tf } from "../../../src/ml/tf"

describe("tokenBagMean (the content tower's fused lookup)", () => {
  it("matches gather + unsortedSegmentSum in value and gradient", async () => {
    await initTf()
    const before = tf.memory().numTensors
    const bag = tokenBag([Int32Array.from([1, 3]), Int32Array.from([2]), Int32Array.from([3, 5, 6])])
    const reference = (t: tf.Tensor) => {
      const rows = tf.mul(tf.gather(t, tf.tensor1d(bag.ids, "int32")), tf.tensor2d(bag.weights, [bag.ids.length, 1]))
      return tf.unsortedSegmentSum(rows, tf.tensor1d(bag.segments, "int32"), bag.products)
    }
    const [got, want] = tf.tidy(() => {
      const table = tf.randomNormal([7, 4], 0, 1, "float32", 11)
      const upstream = tf.randomNormal([3, 4], 0, 1, "float32", 12)
      const loss = (f: (t: tf.Tensor) => tf.Tensor) => (t: tf.Tensor) => tf.sum(tf.mul(f(t), upstream))
      const fused = (t: tf.Tensor) => tokenBagMean(bag, t)
      return [
        [fused(table), tf.grad(loss(fused))(table)],
        [reference(table), tf.grad(loss(reference))(table)],
      ].map((pair) => pair.map((t) => Array.from(t.dataSync())))
    })
    got!.forEach((values, k) => values.forEach((v, i) => expect(v).toBeCloseTo(want![k]![i]!, 6)))
    expect(got![1]!.some((v) => v !== 0)).toBe(true)
    expect(tf.memory().numTensors).toBe(before)
  })
})
