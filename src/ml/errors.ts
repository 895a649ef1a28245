/** Errors raised inside src/ml; callers map them to their own edge (HTTP, job, CLI). */
export class MlError extends Error {
  override name = "MlError"
}

/** The configuration asks for something impossible (unknown backend, bad hyper-parameter). */
export class MlConfigError extends MlError {
  override name = "MlConfigError"
}

/** The data cannot be used as given (empty, malformed, ids out of range). */
export class MlDataError extends MlError {
  override name = "MlDataError"
}

/** A required tfjs backend is not available on this machine. */
export class BackendUnavailableError extends MlError {
  override name = "BackendUnavailableError"
}

/** Work stopped because its AbortSignal fired. */
export class MlAbortedError extends MlError {
  override name = "MlAbortedError"
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new MlAbortedError("aborted")
}
