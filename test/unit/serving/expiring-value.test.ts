import { ExpiringValue } from "../../../src/serving/expiring-value"

/** A load the test releases by hand, so interleavings are explicit. */
function controlledLoads() {
  const pending: Array<(value: number) => void> = []
  let calls = 0
  const load = () =>
    new Promise<number>((resolve) => {
      calls++
      pending.push(resolve)
    })
  return { load, release: (i: number, value: number) => pending[i]!(value), calls: () => calls }
}

describe("ExpiringValue", () => {
  it("shares one load between concurrent callers and keeps the value for its age", async () => {
    const loads = controlledLoads()
    const cached = new ExpiringValue(loads.load, 60_000)
    const a = cached.get()
    const b = cached.get()
    loads.release(0, 1)
    expect(await Promise.all([a, b])).toEqual([1, 1])
    expect(await cached.get()).toBe(1)
    expect(loads.calls()).toBe(1)
  })

  it("never keeps a load started before an invalidation, and makes the next caller wait for fresh data", async () => {
    const loads = controlledLoads()
    const cached = new ExpiringValue(loads.load, 60_000)
    const early = cached.get()
    cached.invalidate()
    const late = cached.get()
    expect(loads.calls()).toBe(2)
    loads.release(0, 1)
    expect(await early).toBe(1)
    loads.release(1, 2)
    expect(await late).toBe(2)
    expect(await cached.get()).toBe(2)
    expect(loads.calls()).toBe(2)
  })

  it("reloads when old; serves the old value meanwhile only when asked to", async () => {
    for (const serveStaleWhileLoading of [false, true]) {
      const loads = controlledLoads()
      const cached = new ExpiringValue(loads.load, 20, { serveStaleWhileLoading })
      const first = cached.get()
      loads.release(0, 1)
      await first
      await new Promise((r) => setTimeout(r, 40))
      const second = cached.get()
      expect(loads.calls()).toBe(2)
      if (serveStaleWhileLoading) expect(await second).toBe(1)
      loads.release(1, 2)
      if (!serveStaleWhileLoading) expect(await second).toBe(2)
      await new Promise((r) => setImmediate(r))
      expect(await cached.get()).toBe(2)
    }
  })
})
