import type { DataSource } from "typeorm"
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver"
import { MODEL_ACTIVATED_CHANNEL } from "../training/model-runs"

type Notice = { channel: string; payload?: string }
type ListeningClient = {
  connect(): Promise<void>
  query(sql: string): Promise<unknown>
  on(event: "notification", listener: (notice: Notice) => void): void
  on(event: "error" | "end", listener: (error?: Error) => void): void
  end(): Promise<void>
}

/** Reconnect quickly at first (a failover or a restarted database), then back off. */
const FIRST_RETRY_MS = 100
const MAX_RETRY_MS = 5_000

/**
 * Holds one dedicated Postgres connection LISTENing for model activations (the workers run in
 * other processes), so every serving process drops its cached lists the moment a new model is
 * committed. A dropped connection reconnects; ActiveRuns' one-minute age is the safety net.
 */
export class ActivationListener {
  private client: ListeningClient | null = null
  private timer: NodeJS.Timeout | null = null
  private closed = false
  private retryMs = FIRST_RETRY_MS

  constructor(
    private readonly dataSource: DataSource,
    private readonly onActivated: (kind: string) => void,
    private readonly warn: (message: string) => void
  ) {}

  async start(): Promise<void> {
    if (this.closed) return
    const driver = this.dataSource.driver as PostgresDriver
    const options = driver.options
    const client: ListeningClient = new driver.postgres.Client({
      connectionString: options.url,
      ssl: options.ssl,
      application_name: "medusa-plugin-recommendations:listen",
    })
    client.on("notification", (notice) => {
      if (notice.channel === MODEL_ACTIVATED_CHANNEL) this.onActivated(notice.payload ?? "")
    })
    const retry = (error?: Error) => {
      if (this.closed || this.client !== client) return
      this.client = null
      this.warn(`medusa-plugin-recommendations: model activation listener lost (${error?.message ?? "closed"}); reconnecting`)
      this.schedule()
    }
    client.on("error", retry)
    client.on("end", retry)
    this.client = client
    try {
      await client.connect()
      await client.query(`LISTEN ${MODEL_ACTIVATED_CHANNEL}`)
      this.retryMs = FIRST_RETRY_MS
      // Anything activated while we were not listening is picked up now.
      this.onActivated("")
    } catch (error) {
      retry(error as Error)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    const client = this.client
    this.client = null
    await client?.end().catch(() => undefined)
  }

  private schedule(): void {
    if (this.timer || this.closed) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.start()
    }, this.retryMs)
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS)
    this.timer.unref()
  }
}
