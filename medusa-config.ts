// Host configuration for the plugin's own tests and demo only; it is not part of the package.
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: "./src/modules/recommendations",
      options: {
        // RECO_REDIS_URL lets a test point only the plugin at an unreachable Redis.
        redisUrl: process.env.RECO_REDIS_URL || process.env.REDIS_URL || "redis://127.0.0.1:6379",
        queuePrefix: process.env.RECO_QUEUE_PREFIX || "reco-test",
      },
    },
  ],
})
