// The demo store: a plain Medusa app that installs the plugin the way a merchant would.
// `npm run demo` (scripts/demo.mjs) links demo/node_modules/medusa-plugin-recommendations to the
// repository root and sets DATABASE_URL / REDIS_URL; every @medusajs package resolves from the
// repository's node_modules, so there is one copy of Medusa.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const databaseUrl =
  process.env.DATABASE_URL || `postgres://postgres@127.0.0.1:5432/${process.env.DEMO_DB_NAME || "medusa_reco_demo"}`

module.exports = defineConfig({
  projectConfig: {
    databaseUrl,
    redisUrl,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "reco-demo-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "reco-demo-cookie-secret",
    },
    // A local http demo: a Secure cookie would never be sent back to http://localhost.
    cookieOptions: { secure: false, sameSite: "lax" },
  },
  admin: {
    path: "/app",
    // Extra API-only instances started by the demo (to spread the simulated shoppers over both
    // cores) do not serve the dashboard.
    disable: process.env.RECO_DEMO_API_ONLY === "true",
    // The dashboard's fonts and the plugin's admin code live in the repository's node_modules,
    // outside demo/: Vite's dev server must be allowed to serve them.
    vite: (config) => ({
      ...config,
      server: { ...config.server, fs: { ...config.server?.fs, allow: [...(config.server?.fs?.allow ?? []), require("node:path").resolve(__dirname, "..")] } },
    }),
  },
  modules: [
    {
      // Locks shared through Redis, so several API instances on one database (the demo starts a
      // second one while it simulates shoppers) never reserve the same stock twice.
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
        ],
      },
    },
  ],
  plugins: [
    {
      resolve: "medusa-plugin-recommendations",
      options: {
        redisUrl,
        queuePrefix: process.env.RECO_QUEUE_PREFIX || "reco-demo",
      },
    },
  ],
})
