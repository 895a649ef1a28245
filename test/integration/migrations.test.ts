import { Client } from "pg"
import { RECO_MIGRATIONS } from "../../migrations"
import { createRecoDataSource } from "../../src/store/data-source"
import { runRecoMigrations } from "../../src/store/run-migrations"
import { createScratchDb } from "../helpers/scratch-db"

/** Every registered migration, in order (each file's timestamp must keep that order). */
const ALL_MIGRATIONS = RECO_MIGRATIONS.map((m) => m.name)

/** Every column, constraint and index of the plugin tables, as text, to compare schemas. */
async function schemaFingerprint(url: string): Promise<string> {
  const c = new Client({ connectionString: url })
  await c.connect()
  try {
    const cols = await c.query(`SELECT table_name, column_name, data_type, is_nullable, column_default
                                  FROM information_schema.columns WHERE table_schema='public' ORDER BY 1, 2`)
    const idx = await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname='public' ORDER BY 1`)
    const cons = await c.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                                 WHERE connamespace = 'public'::regnamespace ORDER BY 1`)
    const mig = await c.query(`SELECT name FROM reco_migrations ORDER BY id`)
    return JSON.stringify([cols.rows, idx.rows, cons.rows, mig.rows])
  } finally {
    await c.end()
  }
}

describe("plugin migrations", () => {
  let db: Awaited<ReturnType<typeof createScratchDb>>
  beforeEach(async () => {
    db = await createScratchDb("reco_mig")
  })
  afterEach(async () => {
    await db.drop()
  })

  it("create the schema once; running them again changes nothing", async () => {
    const ds = createRecoDataSource({ url: db.url })
    await ds.initialize()
    try {
      const first = await runRecoMigrations(ds)
      expect(first.applied).toEqual(ALL_MIGRATIONS)
      const before = await schemaFingerprint(db.url)
      expect(before).toContain("reco_event")
      expect(before).toContain("UQ_reco_model_run_active_kind")
      const second = await runRecoMigrations(ds)
      expect(second.applied).toEqual([])
      expect(await schemaFingerprint(db.url)).toBe(before)
    } finally {
      await ds.destroy()
    }
  })

  it("serialise two processes starting together under the advisory lock", async () => {
    const a = createRecoDataSource({ url: db.url })
    const b = createRecoDataSource({ url: db.url })
    await Promise.all([a.initialize(), b.initialize()])
    try {
      const [ra, rb] = await Promise.all([runRecoMigrations(a), runRecoMigrations(b)])
      expect([...ra.applied, ...rb.applied]).toEqual(ALL_MIGRATIONS)
      const c = new Client({ connectionString: db.url })
      await c.connect()
      const { rows } = await c.query("SELECT count(*)::int AS n FROM reco_migrations")
      await c.end()
      expect(rows[0].n).toBe(ALL_MIGRATIONS.length)
    } finally {
      await Promise.all([a.destroy(), b.destroy()])
    }
  })

  it("keep their own migrations table and never touch Medusa's", async () => {
    const ds = createRecoDataSource({ url: db.url })
    await ds.initialize()
    try {
      await runRecoMigrations(ds)
      const { count } = await ds
        .createQueryBuilder()
        .select("count(*)::int", "count")
        .from("information_schema.tables", "t")
        .where("t.table_schema = 'public' AND t.table_name IN ('migrations', 'mikro_orm_migrations')")
        .getRawOne()
      expect(count).toBe(0)
    } finally {
      await ds.destroy()
    }
  })
})
