const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

/** minute, hour, day of month, month (1-12 or JAN-DEC), day of week (0-7 or SUN-SAT). */
const FIELDS: Array<{ min: number; max: number; names?: string[]; namesFrom?: number }> = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { min: 0, max: 7, names: DAYS, namesFrom: 0 },
]

/**
 * A standard 5-field cron expression (what BullMQ's upsertJobScheduler takes as `pattern`):
 * each field a comma list of `*`, `n`, `a-b`, optionally stepped with `/k`, within its range.
 */
export function isFiveFieldCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 5) return false
  return fields.every((field, i) => field.split(",").every((part) => validPart(part, FIELDS[i]!)))
}

function validPart(part: string, spec: (typeof FIELDS)[number]): boolean {
  const [range, step, ...rest] = part.split("/")
  if (rest.length > 0 || range === undefined || range === "") return false
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1 && Number(step) <= spec.max)) return false
  if (range === "*") return true
  const bounds = range.split("-")
  if (bounds.length > 2) return false
  const values = bounds.map((b) => valueOf(b, spec))
  if (values.some((v) => v === null)) return false
  return values.length === 1 || values[0]! <= values[1]!
}

function valueOf(token: string, spec: (typeof FIELDS)[number]): number | null {
  if (/^\d{1,2}$/.test(token)) {
    const n = Number(token)
    return n >= spec.min && n <= spec.max ? n : null
  }
  const named = spec.names?.indexOf(token.toUpperCase()) ?? -1
  return named >= 0 ? named + (spec.namesFrom ?? 0) : null
}
