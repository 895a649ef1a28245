import { ProductResponseCache } from "../../../src/serving/product-response-cache"

describe("ProductResponseCache", () => {
  const product = (id: string, title: string) => ({ id, title })

  it("reuses a product only for the same request context", () => {
    const cache = new ProductResponseCache(60_000)
    cache.store("eur", [product("p1", "One")])
    expect(cache.lookup("eur", ["p1", "p2"])).toEqual({ found: new Map([["p1", product("p1", "One")]]), missing: ["p2"] })
    expect(cache.lookup("usd", ["p1"]).missing).toEqual(["p1"])
  })

  it("forgets an evicted product in every context, and keeps others", () => {
    const cache = new ProductResponseCache(60_000)
    cache.store("eur", [product("p1", "One"), product("p2", "Two")])
    cache.store("usd", [product("p1", "One")])
    cache.evict(["p1"])
    expect(cache.lookup("eur", ["p1", "p2"]).missing).toEqual(["p1"])
    expect(cache.lookup("usd", ["p1"]).missing).toEqual(["p1"])
    cache.store("eur", [product("p1", "One, renamed")])
    expect(cache.lookup("eur", ["p1"]).found.get("p1")).toEqual(product("p1", "One, renamed"))
  })

  it("expires entries after the TTL, and a TTL of 0 disables it", async () => {
    const short = new ProductResponseCache(40)
    short.store("eur", [product("p1", "One")])
    expect(short.lookup("eur", ["p1"]).missing).toEqual([])
    // The TTL is jittered to at most 125%.
    await new Promise((r) => setTimeout(r, 80))
    expect(short.lookup("eur", ["p1"]).missing).toEqual(["p1"])
    const off = new ProductResponseCache(0)
    off.store("eur", [product("p1", "One")])
    expect(off.lookup("eur", ["p1"]).missing).toEqual(["p1"])
  })
})
