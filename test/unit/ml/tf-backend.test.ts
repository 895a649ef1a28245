import { initTf, tf } from "../../../src/ml/tf"

describe("tfjs backend", () => {
  it("starts on wasm in tests (TFJS_BACKEND=wasm) and reports it", async () => {
    const runtime = await initTf()
    expect(runtime.backend).toBe("wasm")
    expect(tf.getBackend()).toBe("wasm")
  })

  it("has a correct UnsortedSegmentSum, so embedding gradients work on wasm", async () => {
    await initTf()
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ])
    const sums = tf.unsortedSegmentSum(x, tf.tensor1d([2, 0, 2, -1], "int32"), 3)
    expect(sums.shape).toEqual([3, 2])
    expect(Array.from(await sums.data())).toEqual([3, 4, 0, 0, 6, 8])

    // d/dE sum(gather(E, ids) * w): each row of E collects the weights of its lookups.
    const table = tf.variable(tf.zeros([4, 3]))
    const ids = tf.tensor1d([1, 3, 1, 0], "int32")
    const weights = tf.tensor2d([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
    ])
    const grads = tf.grads((e: tf.Tensor) => tf.sum(tf.mul(tf.gather(e, ids), weights)))([table])
    expect(Array.from(await grads[0]!.data())).toEqual([4, 4, 4, 4, 4, 4, 0, 0, 0, 2, 2, 2])
    tf.dispose([x, sums, table, ids, weights, ...grads])
  })
})
