/**
 * A string vocabulary fitted on training values. Index 0 is reserved ("unknown" for one-hot
 * features, padding for token lists), so values unseen at fit time never collide with a real one.
 */
export type VocabularyState = { values: string[] }

export class Vocabulary {
  private readonly index: Map<string, number>

  constructor(readonly values: readonly string[]) {
    this.index = new Map(values.map((v, i) => [v, i + 1]))
  }

  /** Keeps values seen at least `minCount` times, ordered by descending count then by value (stable). */
  static fit(observed: Iterable<string>, minCount = 1): Vocabulary {
    const counts = new Map<string, number>()
    for (const v of observed) counts.set(v, (counts.get(v) ?? 0) + 1)
    const kept = [...counts.entries()]
      .filter(([, c]) => c >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([v]) => v)
    return new Vocabulary(kept)
  }

  static fromState(state: VocabularyState): Vocabulary {
    return new Vocabulary(state.values)
  }

  /** Number of slots including the reserved index 0. */
  get size(): number {
    return this.values.length + 1
  }

  /** 1-based index of a known value, 0 when unknown. */
  indexOf(value: string): number {
    return this.index.get(value) ?? 0
  }

  state(): VocabularyState {
    return { values: [...this.values] }
  }
}
