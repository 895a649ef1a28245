import { tf } from "../tf"
import { spdInverseSmall } from "./cholesky"

export type SpdInverseOptions = {
  /** Blocks at most this wide are inverted exactly in Float64 JS (cholesky.ts). */
  baseSize?: number
  /** Awaited between blocks with the fraction of work done: yield, report progress, abort. */
  checkpoint?: (fraction: number) => Promise<void>
}

/**
 * Inverse of a symmetric positive-definite matrix by recursive 2x2 block inversion (Schur
 * complements), so nearly all the work is tfjs matMul: ~10 GFLOP/s on the one-thread wasm
 * backend against ~1 for hand-written JS loops, and native BLAS under tfjs-node. Needed because
 * tfjs has no dense inverse or solve. The Schur complement of an SPD matrix is SPD, so every
 * block stays invertible; float32 is enough when the caller regularises the diagonal (EASE's λ).
 *
 * [A11 A12; A12ᵀ A22]⁻¹ = [A11⁻¹ + T S⁻¹ Tᵀ, -T S⁻¹; -(T S⁻¹)ᵀ, S⁻¹], T = A11⁻¹ A12, S = A22 - A12ᵀ T.
 *
 * matMul is only called untransposed: on wasm its transposeA/transposeB paths measured ~10x
 * slower than an explicit tf.transpose followed by a plain matMul.
 *
 * The caller keeps ownership of `a`; the returned tensor is new.
 */
export async function spdInverse(a: tf.Tensor2D, options: SpdInverseOptions = {}): Promise<tf.Tensor2D> {
  const baseSize = Math.max(8, options.baseSize ?? 192)
  const n = a.shape[0]
  // Work units (multiply-adds) of the same recursion, so progress fractions end at exactly 1.
  const workOf = (size: number): number => {
    if (size <= baseSize) return size ** 3 / 3
    const h = Math.ceil(size / 2)
    return workOf(h) + workOf(size - h) + 4 * h * (size - h) * size
  }
  const totalWork = Math.max(1, workOf(n))
  let doneWork = 0
  const report = async (work: number) => {
    doneWork += work
    await options.checkpoint?.(Math.min(1, doneWork / totalWork))
  }

  const reportOrDispose = async (work: number, made: tf.Tensor) => {
    try {
      await report(work)
    } catch (error) {
      made.dispose()
      throw error
    }
  }

  const invert = async (block: tf.Tensor2D): Promise<tf.Tensor2D> => {
    const size = block.shape[0]
    if (size <= baseSize) {
      const values = await block.data()
      const symmetric = new Float64Array(size * size)
      // Average with the transpose: float32 matMul rounding leaves Schur blocks slightly asymmetric.
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) symmetric[i * size + j] = (values[i * size + j]! + values[j * size + i]!) / 2
      }
      const inverse = tf.tensor2d(Float32Array.from(spdInverseSmall(symmetric, size)), [size, size])
      await reportOrDispose(size ** 3 / 3, inverse)
      return inverse
    }
    const h = Math.ceil(size / 2)
    const m = size - h
    // Everything made here is disposed on the way out, also when a checkpoint throws (abort);
    // disposing twice is a no-op, so blocks are also freed as soon as they are spent.
    const owned: tf.Tensor[] = []
    try {
      const a11 = tf.slice(block, [0, 0], [h, h])
      owned.push(a11)
      const a11Inverse = await invert(a11)
      owned.push(a11Inverse)
      a11.dispose()

      const [t, schur] = tf.tidy(() => {
        const a12 = tf.slice(block, [0, h], [h, m])
        const a21 = tf.slice(block, [h, 0], [m, h]) // = A12ᵀ, as the block is symmetric
        const a22 = tf.slice(block, [h, h], [m, m])
        const tBlock = tf.matMul<tf.Tensor2D>(a11Inverse, a12)
        return [tBlock, tf.sub<tf.Tensor2D>(a22, tf.matMul(a21, tBlock))] as const
      })
      owned.push(t, schur)
      await report(2 * h * m * size)
      const schurInverse = await invert(schur)
      owned.push(schurInverse)
      schur.dispose()

      const result = tf.tidy(() => {
        const u = tf.matMul<tf.Tensor2D>(t, schurInverse)
        const topLeft = tf.add<tf.Tensor2D>(a11Inverse, tf.matMul(u, tf.transpose(t)))
        const minusU = tf.neg<tf.Tensor2D>(u)
        return tf.concat2d([tf.concat2d([topLeft, minusU], 1), tf.concat2d([tf.transpose(minusU), schurInverse], 1)], 0)
      })
      tf.dispose(owned)
      await reportOrDispose(2 * h * m * size, result)
      return result
    } finally {
      tf.dispose(owned)
    }
  }

  return invert(a)
}
