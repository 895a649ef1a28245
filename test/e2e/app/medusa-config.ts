// The Medusa app of the browser test (test/e2e/admin.e2e.test.ts): a plain store that installs the
// plugin as a merchant would, built with `medusa build` and served by `medusa start` so the admin
// dashboard (with the plugin's routes and widgets) is the production bundle. Every @medusajs
// package resolves from the repository's node_modules; the test links
// node_modules/medusa-plugin-recommendations to the repository root.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "production", process.cwd())

const port = process.env.PORT || "9310"
const origin = `http://localhost:${port}`
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/medusa_reco_e2e",
    redisUrl,
    http: {
      storeCors: origin,
      adminCors: origin,
      authCors: origin,
      jwtSecret: process.env.JWT_SECRET || "reco-e2e-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "reco-e2e-cookie-secret",
    },
    // Plain http on localhost: a Secure cookie would never come back.
    cookieOptions: { secure: false, sameSite: "lax" },
  },
  admin: { path: "/app" },
  plugins: [
    {
      resolve: "medusa-plugin-recommendations",
      options: { redisUrl, queuePrefix: process.env.RECO_QUEUE_PREFIX || "reco-e2e" },
    },
  ],
})
