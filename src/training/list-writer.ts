import { serialize } from "node:v8"
import type { EntityManager } from "typeorm"
import { RecoActorList, RecoItemNeighbor, RecoModelArtifact, RecoSegmentList } from "../store/entities"
import type { NeighborKind } from "../store/entities/reco-item-neighbor.entity"
import type { JsonObject } from "../store/json"

export type ScoredProduct = { productId: string; score: number; reason?: JsonObject }

const BATCH = 1000

/**
 * Writes a run's materialised lists in batches under the run's id. Nothing is visible to
 * serving until the run is activated, so partial writes of a failed run are never read.
 */
export class ListWriter {
  private actorRows: Partial<RecoActorList>[] = []
  private neighborRows: Partial<RecoItemNeighbor>[] = []
  private segmentRows: Partial<RecoSegmentList>[] = []
  written = 0

  constructor(
    private readonly manager: EntityManager,
    readonly runId: string
  ) {}

  async actorList(list: string, actorId: string, items: ScoredProduct[]): Promise<void> {
    items.forEach((item, rank) =>
      this.actorRows.push({
        modelRunId: this.runId,
        list,
        actorId,
        rank,
        productId: item.productId,
        score: item.score,
        reason: item.reason ?? null,
      })
    )
    if (this.actorRows.length >= BATCH) await this.flush()
  }

  async neighbors(kind: NeighborKind, productId: string, items: ScoredProduct[]): Promise<void> {
    items.forEach((item, rank) =>
      this.neighborRows.push({ modelRunId: this.runId, kind, productId, rank, neighborProductId: item.productId, score: item.score })
    )
    if (this.neighborRows.length >= BATCH) await this.flush()
  }

  async segment(segment: string, items: ScoredProduct[]): Promise<void> {
    items.forEach((item, rank) =>
      this.segmentRows.push({ modelRunId: this.runId, segment, rank, productId: item.productId, score: item.score })
    )
    if (this.segmentRows.length >= BATCH) await this.flush()
  }

  /** Model parameters serving needs at request time (e.g. an embedding table). */
  async artifact(name: string, format: string, content: JsonObject): Promise<void> {
    await this.manager.getRepository(RecoModelArtifact).insert({ modelRunId: this.runId, name, format, content })
  }

  /** Binary state for another process that continues this run (see blobs.ts). */
  async blob(name: string, value: unknown): Promise<void> {
    await this.manager.query(
      `INSERT INTO reco_model_blob (model_run_id, name, content) VALUES ($1, $2, $3)
       ON CONFLICT (model_run_id, name) DO UPDATE SET content = EXCLUDED.content`,
      [this.runId, name, serialize(value)]
    )
  }

  async flush(): Promise<void> {
    for (const [entity, rows] of [
      [RecoActorList, this.actorRows],
      [RecoItemNeighbor, this.neighborRows],
      [RecoSegmentList, this.segmentRows],
    ] as const) {
      for (let i = 0; i < rows.length; i += BATCH) {
        await this.manager.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + BATCH)).execute()
      }
      this.written += rows.length
    }
    this.actorRows = []
    this.neighborRows = []
    this.segmentRows = []
  }
}
