export type Measured<T> = { model: T; train_ms: number; heap_growth_mb: number; peak_rss_mb: number }

/**
 * Wall time and memory of one synchronous training run. Node exposes no per-call peak, so this
 * records the heap growth across training (retained state plus uncollected garbage; exact when
 * run with --expose-gc) and the process-wide peak RSS so far.
 */
export function measureTraining<T>(train: () => T): Measured<T> {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage().heapUsed
  const start = performance.now()
  const model = train()
  const train_ms = performance.now() - start
  gc?.()
  const heap_growth_mb = Math.max(0, process.memoryUsage().heapUsed - before) / 2 ** 20
  const peak_rss_mb = process.resourceUsage().maxRSS / 1024
  return { model, train_ms, heap_growth_mb, peak_rss_mb }
}
