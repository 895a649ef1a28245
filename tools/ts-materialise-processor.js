// The sandboxed materialise-shard processor run from TypeScript sources (tests); see
// ts-training-processor.js for why a CommonJS shim is needed.
require("./ts-register")
module.exports = require("../src/queue/processors/materialise-sandbox.ts").default
