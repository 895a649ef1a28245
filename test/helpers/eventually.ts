/**
 * Polls until the check passes: Medusa runs subscribers after the request that emitted the
 * event has answered, so their writes land a moment later.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      return await check()
    } catch (e) {
      lastError = e
      if (Date.now() > deadline) throw lastError
      await new Promise((r) => setTimeout(r, 150))
    }
  }
}
