import * as tf from "@tensorflow/tfjs"
import { BackendUnavailableError, MlConfigError } from "./errors"
import { registerUnsortedSegmentSum } from "./kernels/unsorted-segment-sum"

export const BACKEND_PREFERENCES = ["auto", "tensorflow", "wasm", "cpu"] as const
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number]

/** The backend that actually runs: tensorflow (tfjs-node, CPU or CUDA), wasm or cpu. */
export type TfRuntime = { tf: typeof tf; backend: string; native: boolean; device: string }

export type TfOptions = {
  /** Defaults to TFJS_BACKEND, then "auto". */
  preference?: BackendPreference
  /** Defaults to TFJS_REQUIRE_NATIVE=1: a missing native backend is then an error. */
  requireNative?: boolean
  log?: (message: string) => void
}

let current: Promise<TfRuntime> | null = null

/** Loads an optional native binding; a missing or broken install is "not available", never a crash. */
function tryLoadNative(name: string): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(name)
    return true
  } catch {
    return false
  }
}

async function activate(name: string): Promise<boolean> {
  try {
    return await tf.setBackend(name)
  } catch {
    return false
  }
}

async function choose(preference: BackendPreference, requireNative: boolean): Promise<TfRuntime> {
  const wantNative = preference === "auto" || preference === "tensorflow"
  if (wantNative) {
    for (const [pkg, device] of [
      ["@tensorflow/tfjs-node-gpu", "cuda"],
      ["@tensorflow/tfjs-node", "cpu-native"],
    ] as const) {
      if (tryLoadNative(pkg) && (await activate("tensorflow"))) {
        return { tf, backend: "tensorflow", native: true, device }
      }
    }
    if (preference === "tensorflow" || requireNative) {
      throw new BackendUnavailableError(
        "the native TensorFlow backend (@tensorflow/tfjs-node or -gpu) is not installed or failed to load; " +
          "install it where its binary can be downloaded, or set TFJS_BACKEND=wasm"
      )
    }
  }
  if (preference === "auto" || preference === "wasm") {
    await import("@tensorflow/tfjs-backend-wasm")
    if (await activate("wasm")) {
      registerUnsortedSegmentSum(tf, "wasm")
      return { tf, backend: "wasm", native: false, device: "wasm" }
    }
    if (preference === "wasm") throw new BackendUnavailableError("the wasm backend failed to initialise")
  }
  if (!(await activate("cpu"))) throw new BackendUnavailableError("no tfjs backend could be initialised")
  registerUnsortedSegmentSum(tf, "cpu")
  return { tf, backend: "cpu", native: false, device: "js" }
}

function parsePreference(raw: string | undefined): BackendPreference {
  const value = (raw ?? "auto").trim().toLowerCase()
  if (!(BACKEND_PREFERENCES as readonly string[]).includes(value)) {
    throw new MlConfigError(`TFJS_BACKEND="${raw}" is not one of ${BACKEND_PREFERENCES.join(", ")}`)
  }
  return value as BackendPreference
}

/**
 * Picks and initialises the tfjs backend once per process: auto tries tfjs-node-gpu,
 * tfjs-node, wasm, then cpu. The answer is cached; every model run records `backend`.
 */
export function initTf(options: TfOptions = {}): Promise<TfRuntime> {
  if (!current) {
    const preference = options.preference ?? parsePreference(process.env.TFJS_BACKEND)
    const requireNative = options.requireNative ?? process.env.TFJS_REQUIRE_NATIVE === "1"
    current = choose(preference, requireNative).then((runtime) => {
      options.log?.(`tfjs backend: ${runtime.backend} (${runtime.device})`)
      return runtime
    })
    current.catch(() => {
      current = null
    })
  }
  return current
}

export { tf }
