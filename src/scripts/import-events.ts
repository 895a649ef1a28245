import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SingleBar } from "cli-progress"
import { statSync } from "node:fs"
import { resolve } from "node:path"
import { ImportFormatError, importEventsCsv } from "../import/import-events-csv"
import { RECOMMENDATIONS_MODULE } from "../modules/recommendations"
import type RecommendationsModuleService from "../modules/recommendations/service"

/** How many rejected lines are printed; the count is always complete. */
const SHOWN_REJECTIONS = 50

/**
 * `medusa exec` entry behind `medusa-reco import <file.csv> [--strict]` (passed on as the word "strict"). Product ids are checked
 * against the store through Medusa's Query. Exit code: 0 all rows imported, 2 some rejected,
 * 1 the file could not be read.
 */
export default async function importEventsScript({ container, args }: ExecArgs) {
  const file = args.find((a) => a !== "strict")
  if (!file) {
    console.error("usage: medusa-reco import <events.csv> [--strict]")
    process.exitCode = 1
    return
  }
  const path = resolve(process.env.RECO_IMPORT_CWD ?? process.cwd(), file)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<RecommendationsModuleService>(RECOMMENDATIONS_MODULE)
  let size = 0
  try {
    size = statSync(path).size
  } catch {
    console.error(`import: cannot read ${path}`)
    process.exitCode = 1
    return
  }
  const bar = new SingleBar({ format: "import |{bar}| {value} rows", hideCursor: true })
  bar.start(Math.max(1, Math.round(size / 80)), 0)
  try {
    const report = await importEventsCsv(
      path,
      {
        async existingProductIds(ids) {
          if (ids.length === 0) return new Set()
          const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: ids } })
          return new Set((data as Array<{ id: string }>).map((p) => p.id))
        },
        write: (events) => service.recordEvents(events),
        onProgress: (rows) => bar.update(rows),
      },
      { strict: args.includes("strict") }
    )
    bar.stop()
    console.log(
      `import: ${report.rows} rows read, ${report.stored} stored, ${report.duplicates} already present, ${report.rejected.length} rejected${report.aborted ? " (strict: nothing written)" : ""}`
    )
    for (const r of report.rejected.slice(0, SHOWN_REJECTIONS)) {
      console.log(`  line ${r.line}: ${r.reason}`)
    }
    if (report.rejected.length > SHOWN_REJECTIONS) {
      console.log(`  ... and ${report.rejected.length - SHOWN_REJECTIONS} more`)
    }
    process.exitCode = report.rejected.length > 0 ? 2 : 0
  } catch (e) {
    bar.stop()
    if (e instanceof ImportFormatError) {
      console.error(`import: ${path}: ${e.message}`)
      process.exitCode = 1
      return
    }
    throw e
  }
}
