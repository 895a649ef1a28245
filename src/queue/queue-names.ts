/** Queue carrying "new behaviour arrived" signals (ids and counts only, never rows). */
export const SIGNAL_QUEUE = "reco-signals"

export const SIGNAL_JOBS = {
  eventsIngested: "events-ingested",
} as const
