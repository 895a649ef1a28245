import { parse } from "csv-parse"
import { createReadStream } from "node:fs"
import type { NewEvent } from "../store/new-event"
import type { WriteOutcome } from "../store/repositories/event-writer"
import { IMPORT_COLUMNS, parseImportRow } from "./import-row"

export type RejectedRow = { line: number; reason: string }

export type ImportReport = {
  rows: number
  stored: number
  duplicates: number
  rejected: RejectedRow[]
  /** True when --strict found rejections and nothing was written. */
  aborted: boolean
}

export type ImportDependencies = {
  /** Returns the subset of product ids that exist in the store. */
  existingProductIds(ids: string[]): Promise<Set<string>>
  /** Writes a batch atomically (idempotent by key). */
  write(events: NewEvent[]): Promise<WriteOutcome>
  onProgress?(rowsRead: number): void
}

const BATCH = 2000

/**
 * Streams a CSV of historical behaviour, validates every row (schema, then product existence),
 * writes valid rows in batches and reports every rejected row by its line number.
 * With strict, any rejection aborts the import before anything is written.
 */
export async function importEventsCsv(
  path: string,
  deps: ImportDependencies,
  options: { strict?: boolean } = {}
): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, stored: 0, duplicates: 0, rejected: [], aborted: false }
  const parser = createReadStream(path).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: false })
  )
  const pending: Array<{ line: number; event: NewEvent }> = []
  const accepted: NewEvent[] = []

  const flush = async (force: boolean) => {
    if (pending.length === 0 || (!force && pending.length < BATCH)) return
    const batch = pending.splice(0, pending.length)
    const ids = [...new Set(batch.map((p) => p.event.productId).filter((id): id is string => !!id))]
    const known = await deps.existingProductIds(ids)
    const valid: NewEvent[] = []
    for (const { line, event } of batch) {
      if (event.productId && !known.has(event.productId)) {
        report.rejected.push({ line, reason: `product_id ${event.productId} does not exist` })
      } else {
        valid.push(event)
      }
    }
    if (options.strict) {
      accepted.push(...valid)
    } else if (valid.length > 0) {
      const outcome = await deps.write(valid)
      report.stored += outcome.stored
      report.duplicates += outcome.duplicates
    }
  }

  let headerChecked = false
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>
      info: { lines: number }
    }>) {
      if (!headerChecked) {
        const missing = IMPORT_COLUMNS.filter((c) => !(c in record) && ["type", "actor_type", "actor_id", "occurred_at"].includes(c))
        if (missing.length > 0) {
          throw new ImportFormatError(`the header lacks required column(s): ${missing.join(", ")}`)
        }
        headerChecked = true
      }
      report.rows += 1
      const result = parseImportRow(record)
      if (result.ok) {
        pending.push({ line: info.lines, event: result.event })
      } else {
        report.rejected.push({ line: info.lines, reason: result.reason })
      }
      await flush(false)
      deps.onProgress?.(report.rows)
    }
  } catch (e) {
    if (e instanceof ImportFormatError) throw e
    const err = e as { code?: string; lines?: number; message?: string }
    if (err.code?.startsWith("CSV_")) {
      throw new ImportFormatError(`line ${err.lines ?? "?"}: ${err.message ?? err.code}`)
    }
    throw e
  }
  await flush(true)
  report.rejected.sort((a, b) => a.line - b.line)
  if (options.strict) {
    if (report.rejected.length > 0) {
      report.aborted = true
    } else if (accepted.length > 0) {
      const outcome = await deps.write(accepted)
      report.stored = outcome.stored
      report.duplicates = outcome.duplicates
    }
  }
  return report
}

/** The file itself is unreadable as the documented CSV (bad header, broken quoting, ...). */
export class ImportFormatError extends Error {
  override name = "ImportFormatError"
}
