import { Client } from "pg"

/** Reads the plugin tables straight from Postgres, as an independent check of what was stored. */
export async function withPg<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export async function countEvents(url: string, where = "TRUE", params: unknown[] = []): Promise<number> {
  return withPg(url, async (c) => {
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM reco_event WHERE ${where}`, params)
    return rows[0].n as number
  })
}
