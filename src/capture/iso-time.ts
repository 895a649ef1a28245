/** ISO 8601 date-time with an explicit offset or Z, e.g. 2025-03-01T12:00:00Z or 2025-03-01T13:00+01:00. */
const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/

/**
 * Parses a timestamp that must carry its zone. Rejects dates JavaScript would silently roll
 * over (2025-02-30 becoming March 2nd) by checking every field against the calendar.
 */
export function parseIsoWithZone(text: string): Date | null {
  const m = ISO_WITH_ZONE.exec(text)
  if (!m) return null
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)))
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate()
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth) return null
  if (hour! > 23 || minute! > 59 || second! > 59 || offH! > 23 || offM! > 59) return null
  const parsed = new Date(text)
  return Number.isNaN(parsed.getTime()) ? null : parsed
}
