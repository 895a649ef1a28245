// Shared environment for every test file: local services, no telemetry, wasm-only tfjs.
process.env.DB_HOST = process.env.DB_HOST || "localhost" // anything but "localhost" makes test-utils force SSL
process.env.DB_USERNAME = process.env.DB_USERNAME || "postgres"
process.env.DB_PASSWORD = process.env.DB_PASSWORD || ""
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
process.env.REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
process.env.TFJS_BACKEND = process.env.TFJS_BACKEND || "wasm"
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"
