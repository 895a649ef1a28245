/**
 * Seeded PRNG (mulberry32): small, fast and reproducible across platforms, which
 * Math.random is not. Returns floats in [0, 1).
 */
export function createRng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher-Yates shuffle in place with the given generator. */
export function shuffleInPlace<T>(values: T[], rng: () => number): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const tmp = values[i]!
    values[i] = values[j]!
    values[j] = tmp
  }
  return values
}
