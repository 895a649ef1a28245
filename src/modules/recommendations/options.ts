import { z } from "zod"

/** Cookie names per RFC 6265 token rules (no separators, no spaces). */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

export const pluginOptionsSchema = z
  .object({
    /** Redis for the plugin's BullMQ queues. Defaults to REDIS_URL, then redis://127.0.0.1:6379. */
    redisUrl: z.string().url().optional(),
    /** Postgres for the plugin tables. Defaults to Medusa's projectConfig.databaseUrl. */
    databaseUrl: z.string().min(1).optional(),
    /** BullMQ key prefix. Must differ from Medusa's own ("bull") so the queues never mix. */
    queuePrefix: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, "use 1-32 letters, digits, '_' or '-'")
      .refine((p) => p !== "bull", "'bull' is Medusa's own prefix; choose another")
      .default("reco"),
    /** Cookie that carries the anonymous shopper id. */
    anonymousIdCookie: z.string().regex(COOKIE_NAME, "not a valid cookie name").default("reco_anon_id"),
    /** Header a headless storefront may send instead of the cookie. */
    anonymousIdHeader: z
      .string()
      .regex(/^[a-z0-9-]+$/, "use a lowercase header name")
      .default("x-reco-anonymous-id"),
    cookie: z
      .object({
        /** Defaults to true when NODE_ENV=production. */
        secure: z.boolean().optional(),
        sameSite: z.enum(["lax", "strict", "none"]).default("lax"),
        domain: z.string().optional(),
        maxAgeDays: z.number().int().min(1).max(730).default(365),
      })
      .strict()
      .default({ sameSite: "lax", maxAgeDays: 365 }),
    /** Behaviour older than this is deleted by the retention job. */
    retentionDays: z.number().int().min(1).max(3650).default(730),
    /** Storefront events may be at most this old when they arrive (older history goes through import). */
    maxEventAgeDays: z.number().int().min(1).max(365).default(7),
    /** Default attribution window (admins can change it in the dashboard's settings). */
    attributionWindowDays: z.number().int().min(1).max(90).default(7),
    /** Default full-retrain cron shown in settings ("off" for none); the worker's --retrain-cron wins. */
    retrainCron: z.string().min(1).max(120).default("0 3 * * *"),
    /** How lists are served to the storefront. */
    serving: z
      .object({
        /** MMR-style diversity: at most this many products of one category in the top slots. */
        diversity: z
          .object({
            maxPerCategory: z.number().int().min(1).max(50).default(3),
            topSlots: z.number().int().min(0).max(50).default(8),
            /** 1 = relevance only, 0 = diversity only. */
            lambda: z.number().min(0).max(1).default(0.7),
          })
          .strict()
          .default({ maxPerCategory: 3, topSlots: 8, lambda: 0.7 }),
        /** Views this close together form one session for live recommendations. */
        sessionGapMinutes: z.number().int().min(1).max(720).default(30),
        /**
         * How long Medusa's answer about a product's stock, channel and status is reused.
         * Short, because recommending something that cannot be bought is worse than a query.
         */
        availabilityCacheSeconds: z.number().min(0).max(300).default(5),
        /**
         * How long a product's store-API representation (per fields, region, tax context and
         * locale) is reused across lists. 0 hydrates every product on every request.
         */
        productCacheSeconds: z.number().min(0).max(300).default(5),
      })
      .strict()
      .default({
        diversity: { maxPerCategory: 3, topSlots: 8, lambda: 0.7 },
        sessionGapMinutes: 30,
        availabilityCacheSeconds: 5,
        productCacheSeconds: 5,
      }),
    /** Apply pending plugin migrations when Medusa loads the plugin. */
    migrateOnStart: z.boolean().default(true),
  })
  .strict()

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>

/** Raised when plugin options do not validate; the message names each bad option. */
export class InvalidPluginOptionsError extends Error {
  override name = "InvalidPluginOptionsError"
}

export function parsePluginOptions(raw: unknown): PluginOptions {
  const result = pluginOptionsSchema.safeParse(raw ?? {})
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join(".")
    if (issue.code === "unrecognized_keys") {
      return `unknown option(s) ${issue.keys.map((k) => `"${[path, k].filter(Boolean).join(".")}"`).join(", ")}`
    }
    return `option "${path}": ${issue.message}`
  })
  throw new InvalidPluginOptionsError(
    `medusa-plugin-recommendations: invalid plugin options: ${problems.join("; ")}`
  )
}
