/** What every offline protocol run returns; `medusa-reco eval --json` prints it as-is. */
export type ProtocolId = "P1" | "P2" | "P3" | "P4"

/** One model's metrics (e.g. ndcg_at_10) plus its training time and peak memory. */
export type ModelMetrics = Record<string, number> & { train_ms: number }

export type ProtocolResult = {
  protocol: ProtocolId
  backend: string
  /** Model name -> metrics. Always includes the protocol's baseline(s), e.g. "popularity". */
  models: Record<string, ModelMetrics>
  /** Counts that identify the run (users, cases, baskets, folds...). */
  stats: Record<string, number>
}

export type ProtocolOptions = {
  /** Seed for protocols with randomness (P1 split, P4 folds, model init). */
  seed?: number
  onProgress?: (done: number, total: number, label: string) => void
  signal?: AbortSignal
}

/** A protocol runner: reads the dataset file at `path` and evaluates every model of the protocol. */
export type ProtocolRunner = (path: string, options?: ProtocolOptions) => Promise<ProtocolResult>
