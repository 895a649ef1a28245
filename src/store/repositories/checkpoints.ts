import type { DataSource, EntityManager } from "typeorm"
import { RecoCheckpoint } from "../entities"
import type { JsonObject } from "../json"

type Db = DataSource | EntityManager

export async function readCheckpoint<T extends JsonObject>(db: Db, name: string): Promise<T | null> {
  const row = await db.getRepository(RecoCheckpoint).findOne({ where: { name } })
  return row ? (row.state as T) : null
}

export async function saveCheckpoint(db: Db, name: string, state: JsonObject): Promise<void> {
  await db.getRepository(RecoCheckpoint).upsert({ name, state, updatedAt: new Date() }, ["name"])
}

export async function deleteCheckpoint(db: Db, name: string): Promise<void> {
  await db.getRepository(RecoCheckpoint).delete({ name })
}
