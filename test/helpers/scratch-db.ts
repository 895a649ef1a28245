import { randomBytes } from "node:crypto"
import { Client } from "pg"

const ADMIN_URL = `postgres://${process.env.DB_USERNAME || "postgres"}@${process.env.DB_HOST || "localhost"}:5432/postgres`

/** A throw-away database for tests that need Postgres but not a Medusa app. */
export async function createScratchDb(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`
  const admin = new Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  return {
    url: ADMIN_URL.replace(/\/postgres$/, `/${name}`),
    async drop() {
      const c = new Client({ connectionString: ADMIN_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await c.end()
    },
  }
}

/** A unique BullMQ prefix so a test never sees another run's jobs. */
export function uniqueQueuePrefix(): string {
  return `reco-test-${randomBytes(4).toString("hex")}`
}
