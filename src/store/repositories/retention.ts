import type { DataSource } from "typeorm"

/** Rows per DELETE, so a large purge never holds long locks on the events table. */
const BATCH = 10_000

export type RetentionOutcome = { events: number; served: number }

/** Deletes behaviour and served lists older than `days`, in batches. */
export async function purgeOlderThan(dataSource: DataSource, days: number): Promise<RetentionOutcome> {
  const purge = async (table: string, column: string, key: string): Promise<number> => {
    let total = 0
    for (;;) {
      const [, affected] = (await dataSource.query(
        `DELETE FROM ${table} WHERE ${key} IN (
           SELECT ${key} FROM ${table} WHERE ${column} < now() - make_interval(days => $1) LIMIT ${BATCH})`,
        [days]
      )) as [unknown, number]
      total += affected
      if (affected < BATCH) return total
    }
  }
  return {
    events: await purge("reco_event", "occurred_at", "id"),
    served: await purge("reco_served_recommendation", "served_at", "id"),
  }
}
