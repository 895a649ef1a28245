import type * as tfTypes from "@tensorflow/tfjs"

type Tf = typeof tfTypes
type TensorInfo = tfTypes.TensorInfo
type KernelArgs = {
  inputs: { x?: TensorInfo; segmentIds?: TensorInfo }
  attrs?: { numSegments?: number }
  backend: unknown
}

/** The two backend shapes this kernel writes into: wasm (heap outputs) and cpu (value arrays). */
type WasmBackend = {
  readSync(id: unknown): ArrayLike<number>
  makeOutput(shape: number[], dtype: tfTypes.DataType): TensorInfo
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array
}
type CpuBackend = {
  readSync(id: unknown): ArrayLike<number>
  makeTensorInfo(shape: number[], dtype: tfTypes.DataType, values: Float32Array | Int32Array): TensorInfo
}

/**
 * Linear-time UnsortedSegmentSum. The wasm backend has no such kernel, and the gradient of an
 * embedding lookup (tf.gather) needs it; the cpu backend's own is quadratic-ish and ~400x
 * slower at embedding scale. Written by hand because no tfjs package provides it for wasm.
 */
export function unsortedSegmentSumKernel({ inputs, attrs, backend }: KernelArgs): TensorInfo {
  const x = inputs.x!
  const segmentIds = inputs.segmentIds!
  const numSegments = attrs!.numSegments!
  const io = backend as WasmBackend & CpuBackend
  const values = io.readSync(x.dataId)
  const ids = io.readSync(segmentIds.dataId)
  const rows = ids.length
  const rowShape = x.shape.slice(segmentIds.shape.length)
  const inner = rowShape.reduce((a, b) => a * b, 1)
  const outShape = [numSegments, ...rowShape]
  const out = x.dtype === "int32" ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner)
  for (let r = 0; r < rows; r++) {
    const segment = ids[r]!
    if (segment < 0 || segment >= numSegments) continue // tf semantics: out-of-range ids are dropped
    const from = r * inner
    const to = segment * inner
    for (let j = 0; j < inner; j++) out[to + j] += values[from + j]!
  }
  if (typeof io.makeOutput === "function") {
    const info = io.makeOutput(outShape, x.dtype)
    io.typedArrayFromHeap(info).set(out)
    return info
  }
  return io.makeTensorInfo(outShape, x.dtype, out)
}

export function registerUnsortedSegmentSum(tf: Tf, backendName: string): void {
  if (tf.getKernel("UnsortedSegmentSum", backendName) && backendName !== "cpu") return
  if (tf.getKernel("UnsortedSegmentSum", backendName)) tf.unregisterKernel("UnsortedSegmentSum", backendName)
  tf.registerKernel({
    kernelName: "UnsortedSegmentSum",
    backendName,
    kernelFunc: unsortedSegmentSumKernel as unknown as tfTypes.KernelFunc,
  })
}
