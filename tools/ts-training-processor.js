// The sandboxed training processor run from TypeScript sources (tests): BullMQ loads processor
// files with import(), which knows nothing of .ts, so this CommonJS shim registers swc first.
require("./ts-register")
module.exports = require("../src/queue/processors/train-sandbox.ts").default
