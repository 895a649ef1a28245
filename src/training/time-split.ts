import type { TrainingData } from "./training-data"

export type TimeSplit = {
  /** Events before the cutoff. */
  train: TrainingData
  /** Events at or after it: what the models are scored on. */
  holdout: TrainingData
  cutoff: Date | null
}

const DAY = 86_400_000

/** Keeps the events whose index passes `keep`, sharing the id maps (dense ids stay valid). */
export function subsetEvents(data: TrainingData, keep: (i: number) => boolean): TrainingData {
  const idx: number[] = []
  for (let i = 0; i < data.actor.length; i++) if (keep(i)) idx.push(i)
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const out = make(idx.length)
    idx.forEach((from, to) => (out[to] = a[from]!))
    return out
  }
  return {
    ...data,
    actor: pick(data.actor, (n) => new Int32Array(n)),
    product: pick(data.product, (n) => new Int32Array(n)),
    type: pick(data.type, (n) => new Uint8Array(n)),
    quantity: pick(data.quantity, (n) => new Int32Array(n)),
    time: pick(data.time, (n) => new Float64Array(n)),
    region: pick(data.region, (n) => new Int32Array(n)),
    channel: pick(data.channel, (n) => new Int32Array(n)),
    basket: pick(data.basket, (n) => new Int32Array(n)),
  }
}

/**
 * Time holdout: the last `holdoutDays` of behaviour, or the newest `maxFraction` of events when
 * the history is too short for that window to leave enough to train on.
 */
export function splitByTime(data: TrainingData, options: { holdoutDays?: number; maxFraction?: number } = {}): TimeSplit {
  const n = data.time.length
  if (n === 0) return { train: data, holdout: data, cutoff: null }
  const holdoutDays = options.holdoutDays ?? 7
  const maxFraction = options.maxFraction ?? 0.2
  const sorted = Float64Array.from(data.time).sort()
  const newest = sorted[n - 1]!
  let cutoff = newest - holdoutDays * DAY
  const byFraction = sorted[Math.floor(n * (1 - maxFraction))]!
  if (cutoff < byFraction) cutoff = byFraction
  return {
    train: subsetEvents(data, (i) => data.time[i]! < cutoff),
    holdout: subsetEvents(data, (i) => data.time[i]! >= cutoff),
    cutoff: new Date(cutoff),
  }
}
