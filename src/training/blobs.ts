import type { DataSource } from "typeorm"
import { deserialize } from "node:v8"

/**
 * Reads model state another process saved with ListWriter.blob: v8 serialisation keeps typed
 * arrays as typed arrays, which JSON would turn into huge number lists.
 */
export async function loadBlob<T>(dataSource: DataSource, runId: string, name: string): Promise<T | null> {
  const rows: Array<{ content: Buffer }> = await dataSource.query(
    `SELECT content FROM reco_model_blob WHERE model_run_id = $1 AND name = $2`,
    [runId, name]
  )
  return rows[0] ? (deserialize(rows[0].content) as T) : null
}
