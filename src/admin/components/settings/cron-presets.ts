export const CRON_PRESETS = [
  { value: "0 3 * * *", label: "Every night at 03:00" },
  { value: "0 */6 * * *", label: "Every 6 hours" },
  { value: "0 * * * *", label: "Every hour" },
  { value: "0 3 * * 0", label: "Every Sunday at 03:00" },
  { value: "off", label: "Off (retrain by hand only)" },
] as const

/** "off" or five cron fields; the server validates fully. */
export const isCronLike = (value: string) => value.trim() === "off" || value.trim().split(/\s+/).length === 5

export const describeCron = (value: string) => CRON_PRESETS.find((p) => p.value === value.trim())?.label ?? "Custom schedule (server time)"
