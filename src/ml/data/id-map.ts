import { MlDataError } from "../errors"

/**
 * External ids (product ids, customer ids, MovieLens numbers) <-> dense 0..n-1 ids, which is
 * what every matrix in src/ml is indexed by.
 */
export class IdMap<K extends string | number> {
  private readonly denseOf = new Map<K, number>()
  private readonly keys: K[] = []

  /** Dense ids in the order given; duplicates are an error. */
  static fromKeys<K extends string | number>(keys: Iterable<K>): IdMap<K> {
    const map = new IdMap<K>()
    for (const key of keys) {
      if (map.denseOf.has(key)) throw new MlDataError(`duplicate id ${String(key)}`)
      map.add(key)
    }
    return map
  }

  get size(): number {
    return this.keys.length
  }

  /** The dense id of `key`, assigning the next one if it is new. */
  add(key: K): number {
    const existing = this.denseOf.get(key)
    if (existing !== undefined) return existing
    const dense = this.keys.length
    this.denseOf.set(key, dense)
    this.keys.push(key)
    return dense
  }

  /** The dense id of `key`, or undefined when it was never seen. */
  get(key: K): number | undefined {
    return this.denseOf.get(key)
  }

  /** The external id of dense id `dense`. */
  keyOf(dense: number): K {
    const key = this.keys[dense]
    if (key === undefined) throw new MlDataError(`dense id ${dense} outside [0, ${this.keys.length})`)
    return key
  }

  /** External ids in dense order: what a pipeline persists next to a model. */
  toArray(): K[] {
    return [...this.keys]
  }
}
