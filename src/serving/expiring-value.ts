/**
 * A value loaded from the database and kept in this process for `maxAgeMs`, shared by every
 * cache of the serving layer. Concurrent callers share one load. invalidate() (a change this
 * process knows of) makes the next caller wait for a fresh load, and a load started before an
 * invalidation never becomes the current value. With `serveStaleWhileLoading`, a value that is
 * merely old (not invalidated) is served while its replacement loads.
 */
export class ExpiringValue<T> {
  private value: T | undefined
  private loadedAt = 0
  private version = 0
  private loadedVersion = -1
  private loading: { version: number; promise: Promise<T> } | null = null

  constructor(
    private readonly load: () => Promise<T>,
    private readonly maxAgeMs: number,
    private readonly options: { serveStaleWhileLoading?: boolean } = {}
  ) {}

  async get(): Promise<T> {
    const current = this.loadedVersion === this.version
    if (current && Date.now() - this.loadedAt < this.maxAgeMs) return this.value as T
    if (!this.loading || this.loading.version !== this.version) {
      const version = this.version
      const promise = this.load()
        .then((value) => {
          if (version === this.version) {
            this.value = value
            this.loadedAt = Date.now()
            this.loadedVersion = version
          }
          return value
        })
        .finally(() => {
          if (this.loading?.promise === promise) this.loading = null
        })
      this.loading = { version, promise }
    }
    return current && this.options.serveStaleWhileLoading ? (this.value as T) : this.loading.promise
  }

  invalidate(): void {
    this.version++
  }
}
